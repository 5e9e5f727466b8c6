using Monitor.Core.Activity.Engagement;

namespace Monitor.Core.Tests.Activity.Engagement;

public sealed class OverperformingScoreTests
{
    public static TheoryData<long[], double?> Baselines => new()
    {
        { [], null },
        { [7], 7 },
        { [1, 2, 3], 2 },                                  // n < 4: nothing dropped
        { [100, 1, 3, 2], 2.5 },                           // ⌊4/4⌋ = 1 dropped at each end: mean(2, 3)
        { [0, 10, 20, 30, 40, 1000, 5000], 220 },          // ⌊7/4⌋ = 1 each end: mean(10, 20, 30, 40, 1000)
        { [5, 5, 5, 5, 5, 5, 5, 5], 5 },
    };

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Expected_MeanOfTheMiddleHalf(long[] values, double? expected) =>
        Assert.Equal(expected, OverperformingScore.Expected(values));

    public static TheoryData<long, double, double?, string?> Scores => new()
    {
        { 30, 10, 3, null },             // above: actual ÷ expected
        { 5, 20, -4, null },             // below: −expected ÷ actual
        { 10, 10, 1, null },             // as expected
        { 0, 0, 1, null },               // both zero: as expected
        { 4, 0, null, ScoreNotes.ExpectedZero },
        { 0, 2.5, null, ScoreNotes.ActualZero },
        { 1, 0.5, 2, null },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public void Of_AboveBelowAndZeroCases(long actual, double expected, double? score, string? note) =>
        Assert.Equal((score, note), OverperformingScore.Of(actual, expected));
}
