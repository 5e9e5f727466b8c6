using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Posts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>Parses fixtures the way the adapter does and renders the posts as the golden files hold them.</summary>
internal static class FeedGolden
{
    /// <summary>The "now" of every golden file: entries without a usable date get it as their estimated date.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitPipelineFields } },
    };

    public static IReadOnlyList<Post> Parse(string fixture, string feedUrl) =>
        FeedEntryMapper.Map(ParseFeed(fixture, feedUrl), new Uri(feedUrl), Now);

    public static ParsedFeed ParseFeed(string fixture, string feedUrl) =>
        FeedParser.Parse(Fixtures.ReadBytes("Feeds/" + fixture), 1000, new Uri(feedUrl));

    public static string Render(IReadOnlyList<Post> posts) => JsonSerializer.Serialize(posts, Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Languages are detected in the poll pipeline, after the parser: the flag is no part of what a parser gives.</summary>
    private static void OmitPipelineFields(JsonTypeInfo info)
    {
        if (info.Type == typeof(Post) && info.Properties.FirstOrDefault(p => p.Name == "languageDetected") is { } detected)
        {
            info.Properties.Remove(detected);
        }
    }
}
