using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Portfolio.Content.Badges;

/// <summary>
/// Reads the text an Open Badges baker wrote into a PNG: the chunk keyed 'openbadgecredential' (3.0) or 'openbadges'
/// (2.0), an iTXt chunk as the specifications say (tEXt and zTXt from older bakers too), checking every chunk's CRC.
/// </summary>
internal static class PngBadge
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The keywords of badge chunks: Open Badges 3.0's, then 2.0's (and 1.0's).</summary>
    public static readonly string[] Keywords = ["openbadgecredential", "openbadges"];

    /// <summary>True when the bytes start as a PNG does.</summary>
    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The badge text of a PNG (decompressed at most to <paramref name="maxTextBytes"/>), or why there is none.</summary>
    public static BakedText Read(byte[] bytes, int maxTextBytes)
    {
        var at = Signature.Length;
        BakedText? found = null;
        var sawEnd = false;
        while (at < bytes.Length && !sawEnd)
        {
            if (bytes.Length - at < 12)
            {
                return BakedText.Failure($"the PNG ends in the middle of a chunk at byte {at}: the file is cut short");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var typeBytes = bytes.AsSpan(at + 4, 4);
            if (!IsChunkType(typeBytes))
            {
                return BakedText.Failure($"the PNG is damaged at byte {at}: expected a chunk type of four letters");
            }

            var type = Encoding.ASCII.GetString(typeBytes);
            if (length > (uint)(bytes.Length - at - 12))
            {
                return BakedText.Failure($"the PNG's '{type}' chunk at byte {at} says it is {length} bytes long, past the end of the file: the file is cut short");
            }

            var data = bytes.AsSpan(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + (int)length));
            if (Crc32.HashToUInt32(bytes.AsSpan(at + 4, 4 + (int)length)) != crc)
            {
                return BakedText.Failure($"the PNG's '{type}' chunk at byte {at} is damaged: its CRC does not match its bytes");
            }

            if (found is null && type is "iTXt" or "tEXt" or "zTXt")
            {
                found = TextOf(type, data, at, maxTextBytes);
            }

            sawEnd = type == "IEND";
            at += 12 + (int)length;
        }

        if (!sawEnd)
        {
            return BakedText.Failure("the PNG has no IEND chunk: the file is cut short");
        }

        return found ?? BakedText.Failure(
            "the PNG holds no Open Badges credential: it has no iTXt chunk with the keyword 'openbadgecredential' (Open Badges 3.0) or 'openbadges' (2.0); bake the credential into it, or put the credential's JSON in badges/ instead");
    }

    /// <summary>The text of a badge chunk; null for a text chunk with another keyword.</summary>
    private static BakedText? TextOf(string type, ReadOnlySpan<byte> data, int at, int maxTextBytes)
    {
        var end = data.IndexOf((byte)0);
        if (end < 0)
        {
            return null;
        }

        var keyword = Encoding.Latin1.GetString(data[..end]);
        if (!Keywords.Contains(keyword, StringComparer.Ordinal))
        {
            return null;
        }

        var where = $"the PNG's {type} chunk '{keyword}' at byte {at}";
        var rest = data[(end + 1)..];
        try
        {
            switch (type)
            {
                case "tEXt":
                    return new BakedText(Encoding.Latin1.GetString(rest), where);
                case "zTXt":
                    return rest.Length < 1 || rest[0] != 0
                        ? BakedText.Failure($"{where} is compressed with an unknown method")
                        : new BakedText(Encoding.Latin1.GetString(Inflate(rest[1..], maxTextBytes)), where);
            }

            // iTXt: compression flag and method, language tag, translated keyword, then the UTF-8 text.
            if (rest.Length < 2)
            {
                return BakedText.Failure($"{where} is cut short");
            }

            var (compressed, method) = (rest[0], rest[1]);
            rest = rest[2..];
            for (var skip = 0; skip < 2; skip++)
            {
                var nul = rest.IndexOf((byte)0);
                if (nul < 0)
                {
                    return BakedText.Failure($"{where} is cut short: its language tag or translated keyword has no end");
                }

                rest = rest[(nul + 1)..];
            }

            if (compressed == 1 && method != 0)
            {
                return BakedText.Failure($"{where} is compressed with an unknown method ({method})");
            }

            var text = compressed == 1 ? Inflate(rest, maxTextBytes) : rest.ToArray();
            return new BakedText(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text), where);
        }
        catch (InvalidDataException ex)
        {
            return BakedText.Failure($"{where} could not be decompressed: {ex.Message}");
        }
        catch (DecoderFallbackException)
        {
            return BakedText.Failure($"{where} is not UTF-8 text");
        }
    }

    /// <summary>Decompresses zlib data, refusing more than <paramref name="maxBytes"/>: a small chunk must not swell into a large one.</summary>
    private static byte[] Inflate(ReadOnlySpan<byte> data, int maxBytes)
    {
        using var input = new MemoryStream(data.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = zlib.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new InvalidDataException($"it holds more than {maxBytes / (1024 * 1024)} MB of text");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
