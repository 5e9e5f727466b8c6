using System.Text.RegularExpressions;
using Lingua;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Languages;

/// <summary>
/// Gives a fetched post the language Lingua detects in its title and text, only when the platform gave none and the
/// store does not hold the post yet, marked as detected. Built once; the models load on the first detection, so a
/// command that never polls never loads them. A text the detector cannot decide (too short, too close between two
/// languages, no letters) stays unknown.
/// </summary>
public sealed partial class PostLanguageDetector
{
    /// <summary>Detection cost grows with the text; the first characters decide a post's language as well as all of it.</summary>
    public const int SampleLength = 1000;

    private readonly Lazy<LanguageDetector>? detector;

    public PostLanguageDetector(IOptions<LanguageOptions> options)
    {
        var settings = options.Value;
        if (settings.DetectionEnabled)
        {
            detector = new Lazy<LanguageDetector>(() => Build(settings), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>False when <c>Monitor:Languages:DetectionEnabled</c> is off.</summary>
    public bool Enabled => detector is not null;

    /// <summary>The posts with detected languages filled in; the same list when nothing changed.</summary>
    /// <param name="posts">A poll's fetched posts.</param>
    /// <param name="stored">Posts the store already holds: their language was settled when they were first stored.</param>
    public IReadOnlyList<Post> Apply(IReadOnlyList<Post> posts, IReadOnlyList<KnownPost> stored)
    {
        if (detector is null)
        {
            return posts;
        }

        HashSet<string>? known = null;
        Post[]? result = null;
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            if (!string.IsNullOrWhiteSpace(post.Language))
            {
                continue;
            }

            known ??= stored.Select(k => k.PostId).ToHashSet(StringComparer.Ordinal);
            if (known.Contains(post.PostId) || Detect(post.Title, post.Text) is not { } language)
            {
                continue;
            }

            result ??= [.. posts];
            result[i] = post with { Language = language, LanguageDetected = true };
        }

        return result ?? posts;
    }

    /// <summary>The ISO 639-1 code of the text's language among the configured ones, or null when it cannot be decided.</summary>
    public string? Detect(string? title, string? text)
    {
        if (detector is null || Sample(title, text) is not { } sample)
        {
            return null;
        }

        var language = detector.Value.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : DetectableLanguages.Code(language);
    }

    /// <summary>
    /// The text to detect: title and text (a feed's text often repeats its title), without links, @handles and #hashtags
    /// (names and slogans, often English whatever the post's language); null when nothing is left.
    /// </summary>
    internal static string? Sample(string? title, string? text)
    {
        var joined = string.IsNullOrWhiteSpace(title) ? text
            : string.IsNullOrWhiteSpace(text) || text.StartsWith(title.Trim(), StringComparison.Ordinal) ? text ?? title
            : $"{title}\n{text}";
        if (string.IsNullOrWhiteSpace(joined))
        {
            return null;
        }

        var cleaned = NotWords().Replace(joined.Length > 2 * SampleLength ? joined[..(2 * SampleLength)] : joined, " ").Trim();
        return cleaned.Length == 0 ? null : cleaned.Length > SampleLength ? cleaned[..SampleLength] : cleaned;
    }

    private static LanguageDetector Build(LanguageOptions settings)
    {
        var languages = settings.Languages
            .Select(code => DetectableLanguages.TryParse(code, out var language) ? language : Language.Unknown)
            .Where(language => language != Language.Unknown)
            .Distinct()
            .ToArray();
        var builder = LanguageDetectorBuilder.FromLanguages(languages).WithMinimumRelativeDistance(settings.MinimumRelativeDistance);
        return (settings.HighAccuracy ? builder : builder.WithLowAccuracyMode()).Build();
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+|[@＠][\p{L}\p{N}_.]+(@[\p{L}\p{N}_.-]+)?|[#＃][\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotWords();
}
