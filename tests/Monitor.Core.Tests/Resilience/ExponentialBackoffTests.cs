using Monitor.Core.Resilience;

namespace Monitor.Core.Tests.Resilience;

public sealed class ExponentialBackoffTests
{
    public static TheoryData<int, double, double> Cases => new()
    {
        // attempt, random, expected seconds (base 10 s, cap 300 s)
        { 1, 0.5, 10 },
        { 2, 0.5, 20 },
        { 3, 0.5, 40 },
        { 5, 0.5, 160 },
        { 6, 0.5, 300 },
        { 50, 0.5, 300 },
        { 1, 0.0, 8 },
        { 1, 0.999999, 12 },
        { 6, 0.999999, 300 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_GrowsExponentiallyWithJitterAndCap(int attempt, double random, double expectedSeconds)
    {
        var delay = ExponentialBackoff.Compute(attempt, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), random);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 3);
    }
}
