using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace Monitor.Core.Archive;

/// <summary>
/// Reads one gzip member (RFC 1952) at a time and says where it ended, which System.IO.Compression cannot: its
/// streams read ahead. SharpZipLib's <see cref="Inflater"/> reports the input it did not use.
/// </summary>
internal static class GzipMemberReader
{
    private const byte FlagHeaderCrc = 2, FlagExtra = 4, FlagName = 8, FlagComment = 16;

    /// <summary>The decompressed member at <paramref name="offset"/> and the offset after it, or the reason it is unreadable.</summary>
    public static (byte[]? Data, long End, string? Problem) Read(Stream file, long offset)
    {
        file.Position = offset;
        try
        {
            SkipHeader(file);
            var inflater = new Inflater(noHeader: true);
            var input = new byte[64 * 1024];
            var output = new byte[64 * 1024];
            using var data = new MemoryStream();
            var crc = new Crc32();
            while (!inflater.IsFinished)
            {
                if (inflater.IsNeedingInput)
                {
                    var read = file.Read(input, 0, input.Length);
                    if (read == 0)
                    {
                        return (null, file.Length, "gzip member ends early");
                    }

                    inflater.SetInput(input, 0, read);
                }

                var produced = inflater.Inflate(output);
                data.Write(output, 0, produced);
                crc.Update(new ArraySegment<byte>(output, 0, produced));
            }

            file.Position -= inflater.RemainingInput;
            Span<byte> trailer = stackalloc byte[8];
            file.ReadExactly(trailer);
            if (BitConverter.ToUInt32(trailer[..4]) != (uint)crc.Value || BitConverter.ToUInt32(trailer[4..]) != (uint)data.Length)
            {
                return (null, file.Position, "gzip CRC or length mismatch");
            }

            return (data.ToArray(), file.Position, null);
        }
        catch (Exception ex) when (ex is SharpZipBaseException or InvalidDataException or EndOfStreamException)
        {
            return (null, file.Length, "not a readable gzip member: " + ex.Message);
        }
    }

    /// <summary>The next offset after <paramref name="from"/> where a gzip member may start, or the file's length.</summary>
    public static long FindNextMember(Stream file, long from)
    {
        file.Position = from;
        int previous2 = -1, previous = -1, current;
        while ((current = file.ReadByte()) >= 0)
        {
            if (previous2 == 0x1f && previous == 0x8b && current == 8)
            {
                return file.Position - 3;
            }

            (previous2, previous) = (previous, current);
        }

        return file.Length;
    }

    private static void SkipHeader(Stream file)
    {
        Span<byte> header = stackalloc byte[10];
        file.ReadExactly(header);
        if (header[0] != 0x1f || header[1] != 0x8b || header[2] != 8)
        {
            throw new InvalidDataException("no gzip header");
        }

        var flags = header[3];
        if ((flags & FlagExtra) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            file.ReadExactly(length);
            file.Position += BitConverter.ToUInt16(length);
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated(file);
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated(file);
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            file.Position += 2;
        }
    }

    private static void SkipZeroTerminated(Stream file)
    {
        int b;
        while ((b = file.ReadByte()) > 0)
        {
        }

        if (b < 0)
        {
            throw new EndOfStreamException();
        }
    }
}
