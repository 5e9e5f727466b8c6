using Monitor.Bench.Farm;

namespace Monitor.Bench.Parsers;

/// <summary>The documents every parser reads: one farm feed (50 entries, HTML content) per format.</summary>
internal static class ParserDocuments
{
    // Farm indexes 3, 4 and 5 are Atom, RSS and JSON Feed accounts (see FarmAccounts.KindOf).
    public static readonly IReadOnlyDictionary<string, byte[]> ByFormat = new Dictionary<string, byte[]>
    {
        ["Atom"] = FeedDocuments.Build(3),
        ["RSS"] = FeedDocuments.Build(4),
        ["JSON"] = FeedDocuments.Build(5),
    };
}
