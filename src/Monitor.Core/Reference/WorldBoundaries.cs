using System.Text.Json;

namespace Monitor.Core.Reference;

/// <summary>
/// Country boundaries from the vendored Natural Earth 1:110m TopoJSON (<c>world-atlas</c>), decoded into rings of
/// (longitude, latitude) in degrees, keyed by ISO 3166-1 numeric code. TopoJSON stores each shared border once as a
/// delta-encoded, quantized arc; a ring lists arc indexes, a negative one (~i) meaning arc i reversed
/// (https://github.com/topojson/topojson-specification).
/// </summary>
internal static class WorldBoundaries
{
    private const string Resource = "Monitor.Core.Reference.countries-110m.json";

    private static readonly Lazy<IReadOnlyList<CountryShape>> Shapes = new(Load);

    /// <summary>Every shape in the file (177, of which Antarctica and a few disputed areas are no state), in file order.</summary>
    public static IReadOnlyList<CountryShape> All => Shapes.Value;

    private static IReadOnlyList<CountryShape> Load()
    {
        using var stream = typeof(WorldBoundaries).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var arcs = root.GetProperty("arcs").EnumerateArray()
            .Select(arc => DecodeArc(arc, scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble()))
            .ToArray();
        return root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray()
            .Select(g => new CountryShape(
                g.TryGetProperty("id", out var id) ? id.GetString() : null,
                g.GetProperty("properties").GetProperty("name").GetString() ?? string.Empty,
                Polygons(g).SelectMany(polygon => polygon.Select(ring => Stitch(ring, arcs))).ToArray()))
            .ToArray();
    }

    private static IEnumerable<IEnumerable<JsonElement>> Polygons(JsonElement geometry) =>
        geometry.GetProperty("type").GetString() switch
        {
            "Polygon" => [geometry.GetProperty("arcs").EnumerateArray()],
            "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().Select(p => (IEnumerable<JsonElement>)p.EnumerateArray()),
            _ => [],
        };

    // Quantized positions are deltas from the previous position of the arc.
    private static (double Lon, double Lat)[] DecodeArc(JsonElement arc, double kx, double ky, double dx, double dy)
    {
        var points = new List<(double, double)>();
        long x = 0, y = 0;
        foreach (var position in arc.EnumerateArray())
        {
            x += position[0].GetInt64();
            y += position[1].GetInt64();
            points.Add((x * kx + dx, y * ky + dy));
        }

        return [.. points];
    }

    // Consecutive arcs share their end and start point: each arc after the first drops its first point.
    private static IReadOnlyList<(double Lon, double Lat)> Stitch(JsonElement ring, (double Lon, double Lat)[][] arcs)
    {
        var points = new List<(double, double)>();
        foreach (var index in ring.EnumerateArray().Select(i => i.GetInt32()))
        {
            var arc = index >= 0 ? arcs[index] : arcs[~index].Reverse().ToArray();
            points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
        }

        return points;
    }
}

/// <summary>One country's shape: its ISO numeric code (null for areas without one), Natural Earth's name, its rings.</summary>
internal sealed record CountryShape(string? Numeric, string Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);
