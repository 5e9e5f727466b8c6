using System.Globalization;
using System.Xml;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// The mentions network as GraphML (http://graphml.graphdrawing.org/specification.html), which Gephi opens as a
/// directed graph: nodes are accounts (label, platform, country, actor, degrees), edges carry <c>weight</c> (Gephi's
/// edge weight), <c>mentions</c> and <c>reposts</c>.
/// </summary>
public static class GraphmlWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("platform", "node", "string"), ("country", "node", "string"), ("actor", "node", "string"),
        ("rank", "node", "int"), ("inDegree", "node", "int"), ("outDegree", "node", "int"),
        ("weightedIn", "node", "long"), ("weightedOut", "node", "long"),
        ("weight", "edge", "double"), ("mentions", "edge", "long"), ("reposts", "edge", "long"),
    ];

    public static async Task WriteAsync(MentionsReport report, TextWriter output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, CloseOutput = false });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        foreach (var (id, target, type) in Keys)
        {
            await xml.WriteStartElementAsync(null, "key", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, id);
            await xml.WriteAttributeStringAsync(null, "for", null, target);
            await xml.WriteAttributeStringAsync(null, "attr.name", null, id);
            await xml.WriteAttributeStringAsync(null, "attr.type", null, type);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, "mentions");
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");
        foreach (var node in report.Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "node", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, node.AccountId);
            await DataAsync(xml, "label", node.Name ?? node.AccountId);
            await DataAsync(xml, "platform", node.Platform);
            await DataAsync(xml, "country", node.Country);
            await DataAsync(xml, "actor", node.Actor);
            await DataAsync(xml, "rank", Text(node.Rank));
            await DataAsync(xml, "inDegree", Text(node.InDegree));
            await DataAsync(xml, "outDegree", Text(node.OutDegree));
            await DataAsync(xml, "weightedIn", Text(node.WeightedIn));
            await DataAsync(xml, "weightedOut", Text(node.WeightedOut));
            await xml.WriteEndElementAsync();
        }

        var number = 0;
        foreach (var edge in report.Edges)
        {
            await xml.WriteStartElementAsync(null, "edge", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, Text(number++));
            await xml.WriteAttributeStringAsync(null, "source", null, edge.From);
            await xml.WriteAttributeStringAsync(null, "target", null, edge.To);
            await DataAsync(xml, "weight", Text(edge.Weight));
            await DataAsync(xml, "mentions", Text(edge.Mentions));
            await DataAsync(xml, "reposts", Text(edge.Reposts));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        await output.WriteLineAsync();
    }

    private static async Task DataAsync(XmlWriter xml, string key, string value)
    {
        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(value);
        await xml.WriteEndElementAsync();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
