using Lingua;

namespace Monitor.Core.Languages;

/// <summary>Maps ISO 639-1 codes to the detector's languages and back.</summary>
internal static class DetectableLanguages
{
    /// <summary>True when <paramref name="code"/> (any case, surrounding spaces ignored) names a language Lingua has a model for.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = Language.Unknown;
        var trimmed = code?.Trim();
        if (trimmed is not { Length: 2 } || !trimmed.All(char.IsAsciiLetter)
            || !Enum.TryParse<IsoCode6391>(trimmed, ignoreCase: true, out var iso) || iso == IsoCode6391.None)
        {
            return false;
        }

        language = LanguageInfo.GetByIsoCode6391(iso);
        return language != Language.Unknown;
    }

    /// <summary>The language's lower-case ISO 639-1 code (a BCP 47 primary language subtag).</summary>
    public static string Code(Language language) =>
        language.IsoCode6391().ToString().ToLowerInvariant();
}
