using System.Globalization;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Tests.Activity;

/// <summary>The typed cell formatters print exactly what the general <c>0.####</c> and integer formats print.</summary>
public sealed class ReportTableCellTests
{
    public static readonly TheoryData<double> Doubles = new()
    {
        0.0, -0.0, 1.0, -1.0, 2.5, 0.33333333, -0.00001, 0.00005, 0.99995, 1023.0, 1024.0, 123456.78901, 1e14 + 1, 999_999_999_999_999.0,
        1e15, 1e15 + 2, -1e15, 1e20, double.MaxValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    [Theory]
    [MemberData(nameof(Doubles))]
    public void Cell_Double_PrintsAsTheDecimalFormat(double number)
    {
        Assert.Equal(number.ToString("0.####", CultureInfo.InvariantCulture), ReportTable.Cell(number));
        Assert.Equal(number.ToString("0.####", CultureInfo.InvariantCulture), ReportTable.Cell((object)number));
    }

    [Fact]
    public void Cell_ManyDoubles_PrintAsTheDecimalFormat()
    {
        var random = new Random(15);
        for (var i = 0; i < 20_000; i++)
        {
            // Whole numbers, quarters and arbitrary fractions over several magnitudes, both signs.
            var number = (random.Next(3) switch { 0 => Math.Round(random.NextDouble() * 5000), 1 => random.Next(-400, 400) / 4.0, _ => random.NextDouble() })
                * Math.Pow(10, random.Next(-6, 17)) * (random.Next(2) == 0 ? 1 : -1);
            Assert.Equal(number.ToString("0.####", CultureInfo.InvariantCulture), ReportTable.Cell(number));
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(1023L)]
    [InlineData(1024L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Cell_Long_PrintsTheInvariantInteger(long number)
    {
        Assert.Equal(number.ToString(CultureInfo.InvariantCulture), ReportTable.Cell(number));
        Assert.Equal(number.ToString(CultureInfo.InvariantCulture), ReportTable.Cell((long?)number));
    }

    [Fact]
    public void Cell_Unknown_IsEmpty()
    {
        Assert.Equal(string.Empty, ReportTable.Cell((long?)null));
        Assert.Equal(string.Empty, ReportTable.Cell((double?)null));
        Assert.Equal(string.Empty, ReportTable.Cell((DateTimeOffset?)null));
        Assert.Equal("2026-05-31T23:59:59Z", ReportTable.Cell((DateTimeOffset?)new DateTimeOffset(2026, 6, 1, 1, 59, 59, TimeSpan.FromHours(2))));
    }
}
