using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Monitor.Core.Diagnostics;

/// <summary>
/// Removes configured secrets from text bound for logs, snapshots and exports: the values of every setting whose
/// key ends in Token, ApiKey, Secret or Password, the password of connection strings, and credentials in URLs.
/// </summary>
public sealed partial class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] secrets;

    public SecretRedactor(IConfiguration configuration)
    {
        secrets = configuration.AsEnumerable()
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && IsSecretKey(pair.Key))
            .SelectMany(pair => SecretParts(pair.Key, pair.Value!))
            .Where(value => value.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)
            .ToArray();
    }

    /// <summary>The configured secret values (longest first), for the capture archive's own redaction.</summary>
    public IReadOnlyList<string> ConfiguredSecrets => secrets;

    /// <summary>The text with secrets masked; null stays null.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = UserInfoPattern().Replace(text, "$1" + Mask + "@");
        return QuerySecretPattern().Replace(text, "$1=" + Mask);
    }

    private static bool IsSecretKey(string key) =>
        key.EndsWith("Token", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SecretParts(string key, string value)
    {
        if (!key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase))
        {
            yield return value;
            yield break;
        }

        // mongodb://user:password@host/... keeps host visible, hides the password.
        var match = UserInfoPattern().Match(value);
        if (match.Success && match.Groups[2].Value.Length > 0)
        {
            yield return match.Groups[2].Value;
            yield return Uri.EscapeDataString(Uri.UnescapeDataString(match.Groups[2].Value));
        }

        foreach (Match m in PasswordPairPattern().Matches(value))
        {
            yield return m.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"(\w+://[^:/@\s]+:)([^@/\s]*)@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"(?i)(?:password|pwd)=([^;]+)")]
    private static partial Regex PasswordPairPattern();

    [GeneratedRegex(@"(?i)\b(access_token|api_key|apikey|key|token|bearer_token)=[^&\s""']+")]
    private static partial Regex QuerySecretPattern();
}
