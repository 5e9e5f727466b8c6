using System.Security.Cryptography;

namespace Monitor.Core.Archive;

/// <summary>
/// WARC digests: <c>sha256:</c> and the SHA-256 in RFC 4648 base32, upper case, unpadded (52 characters; a digest is
/// a WARC token, so no <c>=</c>).
/// </summary>
public static class WarcDigest
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Base32(SHA256.HashData(bytes));

    /// <summary>RFC 4648 §6 base32 without padding.</summary>
    public static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
