using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Portfolio.Tests;

/// <summary>PNGs made by the tests, with a badge (or any text) baked into a text chunk; linked into the test projects that need one.</summary>
internal static class BakedPng
{
    /// <summary>A 1×1 PNG, with a text chunk of the given type, keyword and text before its pixels when given.</summary>
    public static byte[] Of(string? keyword = null, string? text = null, string chunkType = "iTXt", bool compressed = false)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8;
        header[9] = 6;
        Chunk(png, "IHDR", header);
        if (keyword is not null)
        {
            var body = new MemoryStream();
            body.Write(Encoding.Latin1.GetBytes(keyword));
            body.WriteByte(0);
            var textBytes = Encoding.UTF8.GetBytes(text!);
            if (chunkType == "iTXt")
            {
                body.Write([compressed ? (byte)1 : (byte)0, 0, 0, 0]);
                body.Write(compressed ? Deflate(textBytes) : textBytes);
            }
            else
            {
                body.Write(textBytes);
            }

            Chunk(png, chunkType, body.ToArray());
        }

        Chunk(png, "IDAT", Deflate([0, 0x20, 0x60, 0xA0, 0xFF]));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typed));
        png.Write(number);
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(bytes);
        }

        return output.ToArray();
    }
}
