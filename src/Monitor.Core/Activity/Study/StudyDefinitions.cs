namespace Monitor.Core.Activity.Study;

/// <summary>The definition of every figure the study shows, printed in its methods section (and in the README).</summary>
internal static class StudyDefinitions
{
    public static readonly IReadOnlyList<StudyDefinition> All =
    [
        new("window", "UTC days from..to, both inclusive; posts count by publishedAt, polls by capturedAt."),
        new("accounts, countries", "Enabled accounts in the account list, and their distinct countries (ISO 3166-1 alpha-3: UN members, observers and others alike)."),
        new("UN members", "The 193 member states of the United Nations (world-countries data, ODbL); the observers Holy See and State of Palestine are shown apart."),
        new("listed", "A member is listed on a platform when it has an enabled account there whose last poll did not say notFound or suspended (the account list is the claim, as in Twiplomacy); with --active-only the account must also have posted in the window."),
        new("confirmed", "A listed member with at least one successful poll (ok or notModified) of such an account in the window."),
        new("unverified", "Listed accounts without a successful poll in the window: never polled, unauthorized (e.g. no token), failing."),
        new("absent", "Tracked members (with any enabled account) not listed on the platform."),
        new("not tracked", "Members without any enabled account: a gap in the account list, not an absence."),
        new("share", "Count ÷ 193 × 100, rounded to one decimal."),
        new("followers", "Followers in the account's last snapshot of the window that has them."),
        new("postsPerDay", "Posts published in the window (all kinds) ÷ days in the window."),
        new("replyShare", "Replies ÷ posts in the window: how conversational an account is."),
        new("repostsPerPost", "Reposts received ÷ the account's own posts (kind post, reply or quote) in the window whose repost count the platform gives, as last seen."),
        new("mentionedBy", "Distinct enabled tracked accounts that mention or repost the account in posts published in the window (in-degree of the mentions network; mentions resolved to tracked accounts by handle or platform id at report time, self-mentions left out)."),
        new("languages", "The posts' language (the platform's, else detected) reduced to its BCP 47 primary subtag (en-US → en); share = posts in the language ÷ posts with a known language, as in report languages; accounts and countries = those with a post in it. Posts without one (none, und, mul, zxx, or not a tag) are counted apart."),
        new("dormant, inactive", "Last post older than Monitor:Activity:DormantAfter (default 30 days) or InactiveAfter (default 180 days) at the window's end (or now, if earlier), or never posted; days silent = whole days from the last post to then."),
        new("adoption", "Per platform, accounts by the year of their adoption date: the creation date the platform gives (X, Mastodon, Bluesky, YouTube with an API key) before the window's end, counted as created; else the oldest stored post before the window's end, counted as on or before, since polls reach back only so far."),
        new("polls", "Snapshots recorded in the window (one per poll, any status); successful = ok or notModified."),
        new("estimated missed posts", "Sum over accounts with a platform post counter of max(0, counter change − posts stored between the first and last snapshot carrying it)."),
        new("sources in trouble", "Accounts whose last poll ended error, rateLimited, unauthorized, notFound or suspended."),
        new("rankings", $"Top {StudyRankings.Top} overall, per platform and per actor type (the printed groups show their top 5), highest first, ties by account id; shares and ratios need at least {StudyRankings.MinPosts} posts. Column posts: the posts the figure rests on (for repostsPerPost the measured posts, otherwise all the account's posts in the window)."),
    ];

    public static string Meaning(string figure) => All.Single(d => d.Figure == figure).Meaning;
}
