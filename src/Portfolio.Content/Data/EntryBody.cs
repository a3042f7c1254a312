using System.IO.Compression;
using System.Text;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Data;

/// <summary>
/// What a page shows of an entry beyond its listing: the rendered HTML, the table of contents and the topics. It is
/// read only to render that one page, so it is stored apart from the entry's row, as one compressed value made while
/// the file is parsed: the entries table stays small enough to scan, and an import writes a third of the bytes.
/// </summary>
public sealed class EntryBody
{
    /// <summary>The first byte of every stored body; another value means the bytes are not a body of this version.</summary>
    private const byte Format = 1;

    public int EntryId { get; set; }

    /// <summary>The body, in the binary layout of <see cref="Encode"/>, compressed with zlib (whose checksum catches damage).</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>The parts of a body.</summary>
    public sealed record Content(string Html, List<TocItem> Toc, List<Topic> Topics);

    /// <summary>The stored form of an entry's body.</summary>
    public static byte[] Encode(Entry entry)
    {
        // Laid out uncompressed first, then compressed in one call: written straight into zlib, every small write (an
        // int, a short string) was a call into the compressor, and made encoding cost twice as much.
        var layout = t_layout ??= new MemoryStream();
        layout.SetLength(0);
        var writer = t_writer ??= new BinaryWriter(layout, Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(entry.Html);
        writer.Write(entry.Toc.Count);
        foreach (var item in entry.Toc)
        {
            writer.Write(item.Level);
            writer.Write(item.Id);
            writer.Write(item.Text);
        }

        writer.Write(entry.Topics.Count);
        foreach (var topic in entry.Topics)
        {
            writer.Write(topic.Section);
            WriteOptional(writer, topic.SectionId);
            writer.Write(topic.Order);
            writer.Write(topic.Depth);
            writer.Write(topic.Number ?? -1);
            writer.Write(topic.Title);
            WriteOptional(writer, topic.Detail);
        }

        writer.Flush();
        var compressed = t_compressed ??= new MemoryStream();
        compressed.SetLength(0);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(layout.GetBuffer(), 0, (int)layout.Length);
        }

        var data = compressed.ToArray();
        // A page far longer than usual does not keep its buffers alive on this thread.
        if (layout.Capacity > MaxKeptLayout)
        {
            t_writer = null;
            t_layout = null;
            t_compressed = null;
        }

        return data;
    }

    private const int MaxKeptLayout = 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_layout;

    [ThreadStatic]
    private static BinaryWriter? t_writer;

    [ThreadStatic]
    private static MemoryStream? t_compressed;

    /// <summary>The body back from its stored form; null when the bytes are not a body (a damaged database file).</summary>
    public static Content? Decode(byte[] data)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var reader = new BinaryReader(zlib, Encoding.UTF8);
            if (reader.ReadByte() != Format)
            {
                return null;
            }

            var html = reader.ReadString();
            var toc = new List<TocItem>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                toc.Add(new TocItem(reader.ReadInt32(), reader.ReadString(), reader.ReadString()));
            }

            var topics = new List<Topic>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                var section = reader.ReadString();
                var sectionId = ReadOptional(reader);
                var order = reader.ReadInt32();
                var depth = reader.ReadInt32();
                var number = reader.ReadInt32();
                topics.Add(new Topic
                {
                    Section = section, SectionId = sectionId, Order = order, Depth = depth, Number = number < 0 ? null : number,
                    Title = reader.ReadString(), Detail = ReadOptional(reader),
                });
            }

            // Reading past the end makes zlib check its checksum: damaged bytes that happened to inflate are caught here.
            return zlib.ReadByte() == -1 ? new Content(html, toc, topics) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            return null;
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
