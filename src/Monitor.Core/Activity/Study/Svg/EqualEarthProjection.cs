namespace Monitor.Core.Activity.Study.Svg;

/// <summary>
/// The Equal Earth projection (Šavrič, Patterson, Jenny 2018, doi:10.1080/13658816.2018.1504949): equal-area, with
/// straight parallels. Returns unitless coordinates, x in ±2.7066, y in ±1.3173 (north up).
/// </summary>
internal static class EqualEarthProjection
{
    private const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    private static readonly double M = Math.Sqrt(3) / 2;

    public static (double X, double Y) Project(double longitude, double latitude)
    {
        var lambda = longitude * Math.PI / 180;
        var theta = Math.Asin(M * Math.Sin(latitude * Math.PI / 180));
        var t2 = theta * theta;
        var t6 = t2 * t2 * t2;
        var x = lambda * Math.Cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        var y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return (x, y);
    }
}
