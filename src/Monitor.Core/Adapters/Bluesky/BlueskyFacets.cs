using System.Text;
using Monitor.Core.Entities;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// A post's entities from its rich-text facets (https://docs.bsky.app/docs/advanced-guides/post-richtext): a mention
/// names a DID over the "@handle" bytes of the text, a link its full URI (the text often shows it shortened), a tag
/// its name. Without facets the text is read instead.
/// </summary>
internal static class BlueskyFacets
{
    public const string Mention = "app.bsky.richtext.facet#mention";
    public const string Link = "app.bsky.richtext.facet#link";
    public const string Tag = "app.bsky.richtext.facet#tag";

    public static PostEntities? EntitiesOf(BlueskyPostRecord record)
    {
        if (record.Facets is not { Count: > 0 } facets)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(record.Text ?? string.Empty);
        // A JSON null among the facets or their features is skipped (the fuzz tests mutate payloads so).
        var features = facets.OfType<BlueskyFacet>().SelectMany(f => (f.Features ?? []).OfType<BlueskyFacetFeature>().Select(feature => (f.Index, Feature: feature))).ToArray();
        return new PostEntities
        {
            Hashtags = features.Where(f => f.Feature.Type == Tag).Select(f => f.Feature.Tag).OfType<string>().ToArray(),
            Mentions = features.Where(f => f.Feature.Type == Mention && f.Feature.Did is not null)
                .Select(f => new EntityMention(Slice(bytes, f.Index) ?? f.Feature.Did!, f.Feature.Did)).ToArray(),
            Links = features.Where(f => f.Feature.Type == Link).Select(f => f.Feature.Uri).OfType<string>().ToArray(),
        };
    }

    /// <summary>The facet's text ("@handle"), or null when its byte range does not fit the text.</summary>
    private static string? Slice(byte[] text, BlueskyByteSlice? index) =>
        index is { ByteStart: >= 0 } i && i.ByteEnd > i.ByteStart && i.ByteEnd <= text.Length
            ? Encoding.UTF8.GetString(text, i.ByteStart, i.ByteEnd - i.ByteStart)
            : null;
}
