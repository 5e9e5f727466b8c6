using System.Text;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Seeded random mutations of a valid payload: byte flips, truncation, markup and quote insertion, huge numbers,
/// duplicated slices. The same seed gives the same cases, so a failure is reproducible from its case number.
/// </summary>
internal sealed class PayloadMutator(int seed)
{
    private static readonly byte[][] Insertions =
    [
        "<"u8.ToArray(), "&"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(), ">"u8.ToArray(), "]]>"u8.ToArray(),
        "&amp;"u8.ToArray(), "&#0;"u8.ToArray(), "&#xFFFFFFFF;"u8.ToArray(), "\\u0000"u8.ToArray(), "\\"u8.ToArray(),
        "99999999999999999999999999999999"u8.ToArray(), "-1e999"u8.ToArray(), "1e309"u8.ToArray(),
        "9999-12-31T23:59:59Z"u8.ToArray(), "0001-01-01T00:00:00Z"u8.ToArray(), "+99999-01-01"u8.ToArray(),
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "null"u8.ToArray(), "true"u8.ToArray(), "<!DOCTYPE x [<!ENTITY e \"e\">]>"u8.ToArray(),
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x00],
    ];

    private readonly Random random = new(seed);

    /// <summary>One to three mutations of <paramref name="valid"/>.</summary>
    public byte[] Mutate(byte[] valid)
    {
        var data = valid;
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            data = MutateOnce(data);
        }

        return data;
    }

    private byte[] MutateOnce(byte[] data)
    {
        if (data.Length == 0)
        {
            return Pick(Insertions);
        }

        var at = random.Next(data.Length);
        return random.Next(7) switch
        {
            0 => Flip(data, at),
            1 => data[..at],
            2 => Splice(data, at, Pick(Insertions), 0),
            3 => Splice(data, at, Pick(Insertions), Math.Min(random.Next(1, 8), data.Length - at)),
            4 => Splice(data, at, Digits(), 0),
            5 => Duplicate(data, at),
            _ => Splice(data, at, [], Math.Min(random.Next(1, 64), data.Length - at)),
        };
    }

    private byte[] Flip(byte[] data, int at)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] Duplicate(byte[] data, int at)
    {
        // Repeats a slice (often a whole element or object member) right after itself.
        var length = Math.Min(random.Next(1, 512), data.Length - at);
        return Splice(data, at + length, data.AsSpan(at, length).ToArray(), 0);
    }

    private byte[] Digits() => Encoding.ASCII.GetBytes(new string('9', random.Next(10, 400)));

    private byte[] Pick(byte[][] choices) => choices[random.Next(choices.Length)];

    private static byte[] Splice(byte[] data, int at, byte[] insert, int remove)
    {
        var result = new byte[data.Length - remove + insert.Length];
        data.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        data.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }
}
