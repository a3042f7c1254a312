using System.Diagnostics;
using System.Globalization;
using Portfolio.Content.Loading;

namespace Portfolio.Bench;

/// <summary>
/// Loads every Markdown file of a folder on one thread, without a database, and prints the time of each step: what a
/// profile of the import's parsing half needs, measured apart from the writing half.
/// </summary>
public static class ParseProfile
{
    public static void Run(string folder, TextWriter output)
    {
        var paths = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var files = paths.Select(p => new ContentFile(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllBytes(p))).ToList();
        var known = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        for (var round = 1; round <= 3; round++)
        {
            var load = TimeSpan.Zero;
            var encode = TimeSpan.Zero;
            var entries = 0;
            var allocated = GC.GetTotalAllocatedBytes();
            var watch = new Stopwatch();
            foreach (var file in files)
            {
                watch.Restart();
                var document = ContentLoader.Load(file, known.Contains);
                load += watch.Elapsed;
                watch.Restart();
                document.DetachBodies();
                encode += watch.Elapsed;
                entries += document.Entries.Count;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {files.Count} files, {entries} entries; load {load.TotalMilliseconds:F0} ms, encode bodies {encode.TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MB"));
        }
    }
}
