using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Study;

/// <summary>
/// The Twiplomacy study over one window, every figure the HTML and Markdown show (its JSON is the record). Each figure
/// is defined in <see cref="StudyMethods.Definitions"/> and in the README's "Study" section.
/// </summary>
public sealed record StudyReport(
    StudyWindow Window,
    MembershipPresence Presence,
    StudyRanking MostFollowed,
    StudyRanking MostActive,
    StudyRanking MostConversational,
    StudyRanking MostInfluential,
    MentionsSection BestConnected,
    LanguageSection Languages,
    IReadOnlyList<DormantEntry> Dormant,
    IReadOnlyList<AdoptionSeries> Adoption,
    StudyMethods Methods);

/// <summary>The window: UTC days <c>From</c>..<c>To</c> inclusive, and when the study was made.</summary>
public sealed record StudyWindow(DateOnly From, DateOnly To, int Days, DateTimeOffset GeneratedAt);

/// <summary>
/// One ranking, highest first (ties by account id), the top accounts overall, per platform and per actor type.
/// Accounts without the figure (see <see cref="Eligibility"/>) are left out.
/// </summary>
public sealed record StudyRanking(
    string Metric,
    string Definition,
    string Eligibility,
    IReadOnlyList<RankedAccount> Overall,
    IReadOnlyList<RankingGroup> ByPlatform,
    IReadOnlyList<RankingGroup> ByActor);

/// <summary>The ranking within one platform or actor type.</summary>
public sealed record RankingGroup(string Key, IReadOnlyList<RankedAccount> Accounts);

/// <summary>One ranked account: its figure and the posts it rests on.</summary>
public sealed record RankedAccount(
    int Rank, string AccountId, string Platform, string Country, string CountryName, string Actor, string? Name, double Value, long Posts);

/// <summary>
/// Best connected (mentions network), ranked like the other rankings: the top accounts overall (<c>Accounts</c>), per
/// platform and per actor type. <c>Available</c> false, with a note and no accounts, when no mentions store is registered.
/// </summary>
public sealed record MentionsSection(
    bool Available,
    string Note,
    IReadOnlyList<RankedAccount> Accounts,
    IReadOnlyList<RankingGroup> ByPlatform,
    IReadOnlyList<RankingGroup> ByActor);

/// <summary>Languages of the window's posts: per language, and the posts that carry none.</summary>
public sealed record LanguageSection(long Posts, long PostsWithoutLanguage, IReadOnlyList<LanguageUse> Languages);

/// <summary>Posts in one language, their share of the posts that have a language, and the accounts and countries using it.</summary>
public sealed record LanguageUse(string Language, long Posts, double Share, int Accounts, int Countries);

/// <summary>
/// When accounts of one platform appear: per year of their adoption date, the platform's creation date where it gives
/// one ("created"), else the oldest stored post ("on or before"). <c>AccountsWithoutDate</c> have neither.
/// </summary>
public sealed record AdoptionSeries(string Platform, IReadOnlyList<AdoptionPoint> Years, int AccountsWithoutDate);

/// <summary>
/// Accounts adopted in <c>Year</c> (<c>CreatedCount</c> by the platform's creation date, <c>OnOrBeforeCount</c> by their
/// first observed post); cumulative accounts and countries present by its end.
/// </summary>
public sealed record AdoptionPoint(int Year, int NewAccounts, int CreatedCount, int OnOrBeforeCount, int Accounts, int Countries);

/// <summary>How the study was made, from the data: coverage, polls, completeness, and the definition of every figure.</summary>
public sealed record StudyMethods(
    int Accounts,
    IReadOnlyList<PlatformCoverage> Platforms,
    int Countries,
    int MembersTracked,
    long Polls,
    long SuccessfulPolls,
    long Posts,
    long EstimatedMissedPosts,
    int AccountsWithPostCounter,
    IReadOnlyList<TroubledSource> SourcesInTrouble,
    IReadOnlyList<StudyDefinition> Definitions);

/// <summary>Accounts and countries tracked on one platform.</summary>
public sealed record PlatformCoverage(string Platform, int Accounts, int Countries);

/// <summary>An account whose last poll did not succeed: error, rateLimited, unauthorized, notFound, suspended.</summary>
public sealed record TroubledSource(string AccountId, string Platform, string Country, string Status);

/// <summary>One figure and what it means.</summary>
public sealed record StudyDefinition(string Figure, string Meaning);
