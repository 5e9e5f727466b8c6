using System.Text;
using System.Text.RegularExpressions;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Archive;

/// <summary>
/// Keeps secrets out of the archive: <c>Authorization</c> headers, <c>access_token</c>/<c>key</c> query parameters,
/// and every configured secret (see <see cref="SecretRedactor"/>) become <c>[redacted]</c> in URLs, headers and bodies.
/// Each replacement is noted, for the record's <c>metadata</c> companion.
/// </summary>
internal sealed partial class ArchiveRedactor(SecretRedactor secrets)
{
    public const string Mask = "[redacted]";

    private readonly byte[][] secretBytes = secrets.ConfiguredSecrets
        .SelectMany(secret => new[] { secret, Uri.EscapeDataString(secret) })
        .Distinct(StringComparer.Ordinal)
        .Select(Encoding.UTF8.GetBytes)
        .ToArray();

    /// <summary>The URL with secret query parameters and configured secrets masked.</summary>
    public string RedactUrl(string url, string where, List<string> notes)
    {
        var redacted = QuerySecretPattern().Replace(url, match =>
        {
            notes.Add($"{where} query parameter {match.Groups[1].Value}");
            return match.Groups[1].Value + "=" + Mask;
        });
        return RedactText(redacted, where, notes);
    }

    /// <summary>A header value: Authorization entirely, others where they carry a secret.</summary>
    public string RedactHeader(string name, string value, string where, List<string> notes)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"{where} header {name}");
            return Mask;
        }

        return RedactUrl(value, $"{where} header {name}", notes);
    }

    /// <summary>
    /// The body with configured secrets masked. A body in a content-coding is decoded, masked and encoded again only
    /// when it holds a secret; otherwise the bytes stay exactly as they arrived.
    /// </summary>
    public byte[] RedactBody(byte[] body, IReadOnlyCollection<string> codings, string where, List<string> notes)
    {
        if (secretBytes.Length == 0 || body.Length == 0)
        {
            return body;
        }

        var known = codings.All(ContentCoding.IsKnown);
        byte[] plain;
        try
        {
            plain = known ? ContentCoding.DecodeAll(codings, body) : body;
        }
        catch (InvalidDataException)
        {
            plain = body;
            known = false;
        }

        var (masked, count) = ReplaceSecrets(plain);
        if (count == 0)
        {
            return body;
        }

        notes.Add($"{where} body: {count} configured secret(s)" + (known && codings.Count > 0 ? $", re-encoded as {string.Join(", ", codings)}" : string.Empty));
        return known ? ContentCoding.EncodeAll(codings, masked) : masked;
    }

    private string RedactText(string text, string where, List<string> notes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var (masked, count) = ReplaceSecrets(bytes);
        if (count == 0)
        {
            return text;
        }

        notes.Add($"{where}: {count} configured secret(s)");
        return Encoding.UTF8.GetString(masked);
    }

    private (byte[] Masked, int Count) ReplaceSecrets(byte[] input)
    {
        var count = 0;
        foreach (var secret in secretBytes)
        {
            if (input.AsSpan().IndexOf(secret) < 0)
            {
                continue;
            }

            using var output = new MemoryStream(input.Length);
            var rest = input.AsSpan();
            int at;
            while ((at = rest.IndexOf(secret)) >= 0)
            {
                output.Write(rest[..at]);
                output.Write(Encoding.UTF8.GetBytes(Mask));
                rest = rest[(at + secret.Length)..];
                count++;
            }

            output.Write(rest);
            input = output.ToArray();
        }

        return (input, count);
    }

    [GeneratedRegex(@"(?i)(?<=[?&;])(access_token|key|api_key|apikey|token|bearer_token|client_secret)=[^&\s""'<>]*")]
    private static partial Regex QuerySecretPattern();
}
