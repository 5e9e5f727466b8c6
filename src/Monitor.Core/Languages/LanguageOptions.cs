using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;

namespace Monitor.Core.Languages;

/// <summary>How a post without a platform-given language gets one (<c>Monitor:Languages</c>).</summary>
public sealed class LanguageOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Languages";

    /// <summary>The default set: the UN's six official languages and the languages most used in diplomatic publishing.</summary>
    public static readonly IReadOnlyList<string> DefaultLanguages =
        ["en", "fr", "es", "ar", "ru", "zh", "pt", "de", "it", "ja", "ko", "tr", "uk", "fa", "nl", "pl", "id", "hi"];

    /// <summary>
    /// The languages the detector chooses between, as ISO 639-1 codes; empty (default): <see cref="DefaultLanguages"/>.
    /// At least two; each one Lingua has a model for (README, "Languages").
    /// </summary>
    /// <remarks>Empty by default because configuration binding adds to a list's initial items instead of replacing them.</remarks>
    public List<string> Detect { get; set; } = [];

    /// <summary>The configured languages, or the default set when none are configured.</summary>
    public IReadOnlyList<string> Languages => Detect.Count == 0 ? DefaultLanguages : Detect;

    /// <summary>False: posts keep only the platform's language (no detection). Default true.</summary>
    public bool DetectionEnabled { get; set; } = true;

    /// <summary>
    /// How far apart the likeliest and the next language must be (Lingua's minimum relative distance) before a
    /// detected language is kept; below it the post stays unknown. Default 0.1; 0 (always guess) to 0.99.
    /// </summary>
    [Range(0.0, 0.99)]
    public double MinimumRelativeDistance { get; set; } = 0.1;

    /// <summary>
    /// True: Lingua's high-accuracy mode (all n-gram models, better on one- or two-word texts, several hundred MB of
    /// models and about ten times the time per post; BENCHMARKS.md, "Language detection"). Default false: trigram
    /// models only.
    /// </summary>
    public bool HighAccuracy { get; set; }

    public IEnumerable<string> Validate()
    {
        if (!DetectionEnabled)
        {
            yield break;
        }

        foreach (var code in Languages.Where(code => !DetectableLanguages.TryParse(code, out _)))
        {
            yield return $"{nameof(Detect)}: '{code}' is not an ISO 639-1 code the detector knows (for example en, fr, ar, zh); see the README's Languages section.";
        }

        if (Languages.Select(code => code.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            yield return $"{nameof(Detect)}: list at least two languages to choose between, or set {nameof(DetectionEnabled)} to false.";
        }
    }
}
