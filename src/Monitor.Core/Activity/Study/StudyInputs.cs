using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;

namespace Monitor.Core.Activity.Study;

/// <summary>
/// Everything the study is computed from, as the store aggregated it: activity rows, last poll status per account,
/// poll and engagement facts, language counts, presence against the UN membership, and mention counts (null while
/// no <see cref="IMentionsQueries"/> exists).
/// </summary>
internal sealed record StudyInputs(
    ActivityWindow Window,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<AccountActivity> Activity,
    IReadOnlyDictionary<string, PollStatus?> LastStatus,
    IReadOnlyList<AccountStudyFacts> Facts,
    IReadOnlyList<LanguageCount> Languages,
    MembershipPresence Presence,
    IReadOnlyList<MentionCount>? Mentions);
