using System.Security.Cryptography;
using System.Text;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>A content file as read for an import: its hash, its size-and-time stamp, its bytes, or why it could not be read.</summary>
internal sealed record FileRead(string Path, string Hash, string Stamp, ContentFile? File, LoadedDocument? Failure);

/// <summary>Reads the files of a content folder: their bytes with their sidecars' and a hash of both, or their stamps alone.</summary>
internal static class ContentFileReader
{
    /// <summary>The size and time of a file and its sidecar: when they are as last seen, the file is taken as unchanged.</summary>
    public static string Stamp(ContentFolder folder, string path)
    {
        var stamp = folder.Sidecars.TryGetValue(path, out var sidecar)
            ? StampOf(folder.FullPath(path)) + "|" + StampOf(folder.FullPath(sidecar))
            : StampOf(folder.FullPath(path));
        // A badge may name a BadgeClass or Issuer in another JSON file of badges/: it is read again when one of them changes.
        return ContentPaths.IsBadge(path) ? stamp + "|" + folder.BadgeJsonStamp : stamp;
    }

    /// <summary>The size and time of one file, "-" for none.</summary>
    public static string StampOf(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "-";
    }

    /// <summary>Reads a Markdown or badge file with its sidecar (and a badge with the JSON files of badges/), each at most <paramref name="maxBytes"/> long; a file that cannot be read becomes a failed document with an error.</summary>
    public static FileRead Read(ContentFolder folder, string path, long maxBytes)
    {
        try
        {
            var bytes = ReadLimited(folder.FullPath(path), maxBytes);
            folder.Sidecars.TryGetValue(path, out var sidecarPath);
            var sidecar = sidecarPath is null ? null : ReadLimited(folder.FullPath(sidecarPath), maxBytes);
            var badges = ContentPaths.IsBadge(path) ? folder.BadgeJson : null;
            byte[] hashed = sidecar is null ? bytes : [.. bytes, 0, .. Encoding.UTF8.GetBytes(sidecarPath!), 0, .. sidecar];
            var hash = Convert.ToHexString(SHA256.HashData(badges is null ? hashed : [.. hashed, 0, .. Encoding.UTF8.GetBytes(badges.Hash)]));
            return new FileRead(path, hash, Stamp(folder, path), new ContentFile(path, bytes, sidecarPath, sidecar) { Siblings = badges }, null);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            var failure = new LoadedDocument(path);
            failure.Diagnostics.Add(new ContentDiagnostic(path, 1, 1, DiagnosticSeverity.Error, Why(ex)));
            return new FileRead(path, "unreadable:" + Guid.NewGuid(), "", null, failure);
        }
    }

    /// <summary>The bytes of a file, refused when it is larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadLimited(string fullPath, long maxBytes)
    {
        var info = new FileInfo(fullPath);
        if (info.Length > maxBytes)
        {
            throw new FileTooLargeException(maxBytes);
        }

        return File.ReadAllBytes(fullPath);
    }

    /// <summary>True for the exceptions of a file that cannot be read as content, which are reported rather than thrown.</summary>
    public static bool IsUnreadable(Exception exception) => exception is IOException or UnauthorizedAccessException or FileTooLargeException;

    /// <summary>Why a file could not be read, for its diagnostic.</summary>
    public static string Why(Exception exception) => exception is FileTooLargeException tooLarge
        ? $"the file is larger than {tooLarge.MaxBytes / (1024 * 1024)} MB, the most the setting {ContentImporter.MaxFileSetting} allows; split it into smaller documents or raise the setting"
        : $"the file could not be read: {exception.Message}";

    private sealed class FileTooLargeException(long maxBytes) : Exception
    {
        public long MaxBytes { get; } = maxBytes;
    }
}
