using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Tests.Data;

/// <summary>The importer's column lists (ImportRows) and the EF model describe the same tables, and EF reads back what the importer wrote.</summary>
public sealed class ImportRowsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly PortfolioDbContext _db;

    public ImportRowsTests()
    {
        _connection.Open();
        _db = new PortfolioDbContext(PortfolioDatabase.Options(_connection));
        PortfolioDatabase.EnsureSchema(_db);
    }

    public static TheoryData<string> Tables => [.. ImportRows.All.Select(t => t.Table)];

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_importer_writes_every_column_of_the_model_and_no_other(string table)
    {
        var rows = ImportRows.All.Single(t => t.Table == table);
        var store = StoreObjectIdentifier.Table(table);
        var modelColumns = _db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() == table)
            .SelectMany(e => e.GetProperties())
            .ToList();
        Assert.Contains(modelColumns, p => p.DeclaringType.ClrType == rows.RowType);

        var written = rows.ColumnNames.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(rows.ColumnNames.Count, written.Count);
        // Every column the importer names is the model's; every column of the model is written, but a key SQLite numbers itself.
        Assert.Empty(written.Except(modelColumns.Select(p => p.GetColumnName(store)!)));
        Assert.Empty(modelColumns
            .Where(p => !written.Contains(p.GetColumnName(store)!) && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => p.GetColumnName(store)));
    }

    [Fact]
    public void Ef_reads_an_entry_as_the_importer_wrote_it_with_every_field_set()
    {
        var file = new SourceFile { Id = 1, Path = "certifications/c.md", Hash = "h", Stamp = "1:2", Loaded = true, ImportedAt = new DateTime(2026, 1, 2, 3, 4, 5) };
        var entry = new Entry
        {
            Id = 7, Kind = EntryKind.Certification, Slug = "c", Key = "certification:c", ParentKey = "", Title = "Cert", Label = "L",
            Number = 3, Order = 4, Description = "d", DescriptionIsExcerpt = true, Summary = "s", Category = "cat",
            Date = new DateTime(2024, 3, 5, 14, 30, 0), Updated = new DateTime(2024, 6, 1, 9, 0, 0), Image = "/media/c.png", Authors = ["Ada", "Alan"], IsDraft = true, WordCount = 99, ReadingMinutes = 1, SourceFileId = 1,
            SourcePath = "certifications/c.md", SourceLine = 2, PlannedModules = 12,
            Extra = new() { ["x"] = "y" }, Facts = new() { ["Focus"] = "ML" }, Anchors = new() { ["c"] = "", ["practical-applications"] = "practical-applications" },
            Capstone = new CapstoneDetails { Objective = "o", Implementation = "i", Technologies = "t", Outcome = "out" },
            Credential = new CredentialDetails
            {
                Status = CredentialStatus.InPreparation, Issuer = "AWS", Provider = "p", Code = "MLA-C01", CredentialId = "id",
                Expires = new DateTime(2027, 1, 1), ValidYears = 3, VerificationUrl = "https://example.com", Duration = "6 months",
                Funding = "f", GuideSlug = "g", GuideLine = 5, GuideId = 7,
                ValidFrom = new DateTime(2024, 3, 6), BadgePath = "badges/b.png", BadgeLine = 6, BadgeId = 7,
            },
            Badge = new BadgeDetails
            {
                Format = "Open Badges 3.0, JSON", AchievementType = "Badge", IssuerUrl = "https://issuer.example", IssuerImage = "/badges/c/issuer.png",
                Image = "/badges/c/image.svg", ImageNote = "n", Recipient = "Ada", FileName = "c.json", Download = "/badges/c/download/c.json",
                Checks = [new BadgeCheck("Structure", true, "read"), new BadgeCheck("Signature", null, "not checked")],
            },
        };
        var badgeFile = new EntryFile { EntryId = 7, Name = "image.svg", ContentType = "image/svg+xml", Bytes = [1, 2, 3] };
        var diagnostic = new StoredDiagnostic { SourceFileId = 1, Path = "certifications/c.md", Line = 3, Column = 4, Severity = DiagnosticSeverity.Warning, Message = "m", FromFolderPass = true };
        var link = new EntryLink
        {
            SourceEntryId = 7, Number = 2, Line = 12, Column = 5, Written = "c.md#practical-applications", Target = "certifications/c.md", IsWikilink = true,
            RequestedFragment = "Practical Applications", TargetEntryId = 7, TargetKey = "certification:c", Fragment = "practical-applications",
        };

        using (var transaction = _db.Database.BeginTransaction())
        {
            var sqlite = (SqliteTransaction)transaction.GetDbTransaction();
            using (var files = new RowInserter<SourceFile>(_connection, sqlite, ImportRows.SourceFiles))
            using (var entries = new RowInserter<Entry>(_connection, sqlite, ImportRows.Entries))
            using (var diagnostics = new RowInserter<StoredDiagnostic>(_connection, sqlite, ImportRows.Diagnostics))
            using (var links = new RowInserter<EntryLink>(_connection, sqlite, ImportRows.EntryLinks))
            using (var entryFiles = new RowInserter<EntryFile>(_connection, sqlite, ImportRows.EntryFiles))
            {
                files.Add(file);
                entries.Add(entry);
                diagnostics.Add(diagnostic);
                links.Add(link);
                entryFiles.Add(badgeFile);
            }

            transaction.Commit();
        }

        var read = _db.Entries.Single();
        foreach (var property in _db.Model.FindEntityType(typeof(Entry))!.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            Assert.Equal(Show(property.PropertyInfo!.GetValue(entry)), Show(property.PropertyInfo.GetValue(read)));
        }

        AssertSameProperties(entry.Capstone, read.Capstone);
        AssertSameProperties(entry.Credential, read.Credential);
        AssertSameProperties(entry.Badge, read.Badge);
        Assert.Equal(entry.Badge.Checks, read.Badge!.Checks);
        AssertSameProperties(badgeFile, _db.EntryFiles.Single(), except: nameof(EntryFile.Bytes));
        Assert.Equal(badgeFile.Bytes, _db.EntryFiles.Single().Bytes);
        AssertSameProperties(file, _db.SourceFiles.Single());
        AssertSameProperties(diagnostic, _db.Diagnostics.Single(), except: nameof(StoredDiagnostic.Id));
        AssertSameProperties(link, _db.EntryLinks.Single());
    }

    private static void AssertSameProperties<T>(T? expected, T? actual, string? except = null)
        where T : class
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        var lists = typeof(T).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>));
        foreach (var property in typeof(T).GetProperties().Except(lists).Where(p => p.Name != except))
        {
            Assert.Equal(Show(property.GetValue(expected)), Show(property.GetValue(actual)));
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        Dictionary<string, string> map => string.Join(";", map.Select(p => $"{p.Key}={p.Value}")),
        List<string> list => string.Join(";", list),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }
}
