using Monitor.Core.Activity.Reports;
using Monitor.Core.Posts;

namespace Monitor.Core.Activity.Engagement;

/// <summary>
/// The engagement report as two tables, accounts then top posts. A score cell holds the score, or the note saying
/// why there is none (<see cref="ScoreNotes"/>).
/// </summary>
internal static class EngagementTables
{
    public static ReportTable Accounts(IReadOnlyList<AccountEngagement> rows) => new(
        ["accountId", "platform", "country", "actor", "name", "posts", "measuredPosts", "interactions", "interactionsPerPost",
            "likesPerPost", "repostsPerPost", "repliesPerPost", "quotesPerPost", "viewedPosts", "viewsPerPost"],
        rows.Select(r => Row(r.AccountId, r.Platform, r.Country, r.Actor, r.Name, r.Posts, r.MeasuredPosts, r.Interactions, r.InteractionsPerPost,
            r.LikesPerPost, r.RepostsPerPost, r.RepliesPerPost, r.QuotesPerPost, r.ViewedPosts, r.ViewsPerPost)).ToArray());

    /// <summary>The terminal's accounts table: the main figures, so a row fits 120 columns.</summary>
    public static ReportTable AccountsSummary(IReadOnlyList<AccountEngagement> rows) => new(
        ["accountId", "platform", "posts", "measuredPosts", "interactionsPerPost", "repostsPerPost", "repliesPerPost", "viewsPerPost"],
        rows.Select(r => Row(r.AccountId, r.Platform, r.Posts, r.MeasuredPosts, r.InteractionsPerPost, r.RepostsPerPost, r.RepliesPerPost, r.ViewsPerPost))
            .ToArray());

    /// <summary>Every column (csv, <c>--wide</c>), or for the terminal the rank, account, interactions, scores and the post id last (long ids are cut).</summary>
    public static ReportTable TopPosts(IReadOnlyList<TopPost> posts, bool wide)
    {
        var scores = MetricAgeBuckets.All.Select(b => $"score{b.ToWireName()}");
        var columns = wide
            ? new[] { "rank", "accountId", "platform", "postId", "url", "kind", "publishedAt", "interactions", "likes", "reposts", "replies", "quotes", "views" }.Concat(scores)
            : new[] { "rank", "accountId", "interactions" }.Concat(scores).Append("postId");
        return new ReportTable(columns.ToArray(), posts.Select(p =>
        {
            var scoreCells = p.Scores.Select(s => (object?)s.Score ?? s.Note);
            var cells = wide
                ? new object?[] { p.Rank, p.AccountId, p.Platform, p.PostId, p.Url, p.Kind, p.PublishedAt, p.Interactions, p.Likes, p.Reposts, p.Replies, p.Quotes, p.Views }.Concat(scoreCells)
                : new object?[] { p.Rank, p.AccountId, p.Interactions }.Concat(scoreCells).Append(p.PostId);
            return Row(cells.ToArray());
        }).ToArray());
    }

    private static IReadOnlyList<string> Row(params object?[] cells) => cells.Select(ReportTable.Cell).ToArray();
}
