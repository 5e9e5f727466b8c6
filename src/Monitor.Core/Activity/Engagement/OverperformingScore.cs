namespace Monitor.Core.Activity.Engagement;

/// <summary>
/// CrowdTangle's overperforming score: a post's interactions at an age against the account's usual figure at that age.
/// Score = actual ÷ expected when actual ≥ expected, −expected ÷ actual when below; so ±1 means "as expected" and the
/// score never lies strictly between −1 and 1. Both zero: 1 (as expected). Undefined, reported with a note and no
/// score: expected 0 with actual above it (<see cref="ScoreNotes.ExpectedZero"/>), actual 0 with expected above it
/// (<see cref="ScoreNotes.ActualZero"/>).
/// </summary>
public static class OverperformingScore
{
    /// <summary>How many of the account's earlier posts of the same kind the baseline looks at.</summary>
    public const int BaselinePosts = 100;

    /// <summary>
    /// The mean of the middle 50 %: the values sorted, ⌊n/4⌋ dropped from each end, the rest averaged (all of them
    /// when n &lt; 4); null for no values.
    /// </summary>
    public static double? Expected(IReadOnlyCollection<long> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var cut = values.Count / 4;
        return values.Order().Skip(cut).Take(values.Count - (2 * cut)).Average();
    }

    /// <summary>The score, or null with the note that says why there is none.</summary>
    public static (double? Score, string? Note) Of(long actual, double expected) => (actual, expected) switch
    {
        _ when actual == expected => (1, null),
        _ when actual > expected => expected == 0 ? (null, ScoreNotes.ExpectedZero) : (actual / expected, null),
        _ => actual == 0 ? (null, ScoreNotes.ActualZero) : (-expected / actual, null),
    };
}

/// <summary>Why a post has no score at a bucket.</summary>
public static class ScoreNotes
{
    /// <summary>No stored observation of the post within ±50 % of the bucket's age.</summary>
    public const string NoObservation = "no-observation";

    /// <summary>No earlier post of the same account and kind has an observation near enough to the bucket's age.</summary>
    public const string NoBaseline = "no-baseline";

    public const string ExpectedZero = "expected-zero";

    public const string ActualZero = "actual-zero";
}
