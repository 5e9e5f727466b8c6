using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Posts;

/// <summary>
/// What "the content of a post" is, for edits and versions: the SHA-256 of the UTF-8 bytes of
/// <c>normalise(title) + "\n" + normalise(text)</c>, written <c>sha256:</c> + lower-case hex, where normalise means
/// every run of white space (<see cref="char.IsWhiteSpace(char)"/>) as one space, trimmed, and null as empty. The
/// code points are hashed as the parser produced them (no Unicode normalisation: the process runs with invariant
/// globalization). Links, media, counts and the
/// platform's timestamps are not content: changing them never makes an edit.
/// </summary>
public static class ContentHash
{
    /// <summary>The prefix of every current hash; hashes stored before it existed are bare hex (<see cref="Legacy"/>).</summary>
    public const string Prefix = "sha256:";

    /// <summary>
    /// The version of the text extraction (parsers, HTML to text) whose output is hashed, per platform. Raise a platform's
    /// number whenever a change of its parser or of HTML to text can change the text of unchanged source content: a
    /// re-seen post whose stored hash came from an older version and differs is then re-stored as <c>reparsed</c>,
    /// not counted as edited. Version 1 is every post stored before versions were kept.
    /// </summary>
    public static int NormaliserVersion(string platform) => platform switch
    {
        // 3: feeds read xml:base, Atom 0.3, base64 and legacy RSS content elements, and repair bare ampersands.
        "rss" => 3,

        // 2: the first version with normalised hashes. Raise one platform's number with its parser changes.
        _ => 2,
    };

    /// <summary>The hash of a post's content as defined above.</summary>
    public static string Compute(Post post)
    {
        // The same bytes as Prefix + Hex(Normalise(title) + "\n" + Normalise(text)), built in one pooled buffer: every
        // fetched post is hashed, inside the poll's write, and most are unchanged.
        var title = post.Title ?? string.Empty;
        var text = post.Text ?? string.Empty;
        var buffer = ArrayPool<char>.Shared.Rent(title.Length + text.Length + 1);
        try
        {
            var length = Normalise(title, buffer);
            buffer[length++] = '\n';
            length += Normalise(text, buffer.AsSpan(length));
            return Prefix + Hex(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The definition used before normalisation: hex SHA-256 of <c>title + "\n" + text</c> as they were.</summary>
    public static string Legacy(Post post) => Hex((post.Title ?? string.Empty) + "\n" + (post.Text ?? string.Empty));

    /// <summary>True when a stored hash (current or legacy) says the fetched post has the same content.</summary>
    public static bool SameContent(string storedHash, Post fetched, string fetchedHash) =>
        storedHash.StartsWith(Prefix, StringComparison.Ordinal)
            ? string.Equals(storedHash, fetchedHash, StringComparison.Ordinal)
            : string.Equals(storedHash, Legacy(fetched), StringComparison.Ordinal);

    /// <summary>White-space runs collapsed to one space, trimmed.</summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            return new string(buffer, 0, Normalise(value, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Hex(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary><see cref="Normalise(string?)"/> written into <paramref name="target"/>; returns the characters written.</summary>
    private static int Normalise(string value, Span<char> target)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                target[length++] = ' ';
                pendingSpace = false;
            }

            target[length++] = c;
        }

        return length;
    }

    private static string Hex(ReadOnlySpan<char> content)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(content.Length));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(content, bytes)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
