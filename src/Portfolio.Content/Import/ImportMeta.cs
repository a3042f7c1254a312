using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;

namespace Portfolio.Content.Import;

/// <summary>The rows of Meta an import writes: values by key, among them the fingerprint of the content imported.</summary>
internal static class ImportMeta
{
    /// <summary>Stores a value under its key, in place of the old one.</summary>
    public static void Set(PortfolioDbContext db, string key, string value) =>
        db.Database.ExecuteSql($"INSERT INTO Meta (Key, Value) VALUES ({key}, {value}) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");

    /// <summary>
    /// Every file as now stored (its path and the hash of its bytes) with the folder's settings, hashed: replicas that
    /// import the same folder into databases of their own agree on it, and so on their pages' ETags.
    /// </summary>
    public static string ContentVersion(PortfolioDbContext db, string settingsHash)
    {
        var files = db.SourceFiles.Where(f => f.Path != ImportWriter.FolderRowPath).Select(f => new { f.Path, f.Hash }).AsEnumerable()
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settingsHash));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{file.Path}\0{file.Hash}"));
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }
}
