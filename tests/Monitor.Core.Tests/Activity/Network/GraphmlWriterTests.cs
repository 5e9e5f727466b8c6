using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Activity.Network;

namespace Monitor.Core.Tests.Activity.Network;

public sealed class GraphmlWriterTests
{
    private static readonly XNamespace G = GraphmlWriter.Namespace;

    [Fact]
    public async Task WriteAsync_Network_IsGraphmlWithEveryNodeEdgeAndWeight()
    {
        var report = new MentionsReport(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31),
        [
            new NetworkNode(1, "gbr-fcdo", "x", "GBR", "ForeignMinistry", "FCDO & Partners <UK>", 2, 0, 5, 0),
            new NetworkNode(2, "deu-aa", "x", "DEU", "ForeignMinistry", null, 1, 1, 1, 3),
            new NetworkNode(3, "fra-mae", "x", "FRA", "ForeignMinistry", "France Diplomatie", 0, 2, 0, 3),
        ],
        [
            new MentionEdge("deu-aa", "gbr-fcdo", 2, 1),
            new MentionEdge("fra-mae", "deu-aa", 1, 0),
            new MentionEdge("fra-mae", "gbr-fcdo", 0, 2),
        ]);
        var output = new StringWriter();

        await GraphmlWriter.WriteAsync(report, output, TestContext.Current.CancellationToken);

        var document = XDocument.Parse(output.ToString());
        var keys = document.Root!.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.type")!);
        Assert.Equal("double", keys["weight"]);
        var graph = Assert.Single(document.Root.Elements(G + "graph"));
        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        var nodes = graph.Elements(G + "node").ToDictionary(n => (string)n.Attribute("id")!, n => Data(n, "label"));
        Assert.Equal(new Dictionary<string, string> { ["gbr-fcdo"] = "FCDO & Partners <UK>", ["deu-aa"] = "deu-aa", ["fra-mae"] = "France Diplomatie" }, nodes);
        var edges = graph.Elements(G + "edge")
            .Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!, double.Parse(Data(e, "weight"), CultureInfo.InvariantCulture)))
            .ToArray();
        Assert.Equal([("deu-aa", "gbr-fcdo", 3.0), ("fra-mae", "deu-aa", 1.0), ("fra-mae", "gbr-fcdo", 2.0)], edges);
        Assert.All(edges, e => Assert.Contains(e.Item1, nodes.Keys));
        Assert.Equal("2", Data(graph.Elements(G + "node").First(), "inDegree"));
    }

    private static string Data(XElement element, string key) => element.Elements(G + "data").Single(d => (string?)d.Attribute("key") == key).Value;
}
