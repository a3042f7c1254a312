using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Data;

/// <summary>The imported content. The database is a cache of the content folder and can always be rebuilt from it.</summary>
public sealed class PortfolioDbContext(DbContextOptions<PortfolioDbContext> options) : DbContext(options)
{
    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<TagAlias> TagAliases => Set<TagAlias>();

    public DbSet<EntryTag> EntryTags => Set<EntryTag>();

    public DbSet<EntryBody> EntryBodies => Set<EntryBody>();

    public DbSet<EntryLink> EntryLinks => Set<EntryLink>();

    public DbSet<EntryFile> EntryFiles => Set<EntryFile>();

    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();

    public DbSet<StoredDiagnostic> Diagnostics => Set<StoredDiagnostic>();

    public DbSet<MetaValue> Meta => Set<MetaValue>();

    public DbSet<SearchText> SearchTexts => Set<SearchText>();

    public DbSet<Redirect> Redirects => Set<Redirect>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder
            // The database is a cache written by the importer: contexts only read, so nothing is tracked.
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Capstone and credential details are optional by design: all-null columns mean "not a capstone".
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));

    /// <summary>The model. Contexts use its compiled form in Compiled/ (see README, "Adding a column"); a test fails when the two differ.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<Entry>();
        entry.Property(e => e.Kind).HasConversion<string>();
        // Pages are found by key; lists and filters come from an in-memory index. Every other index here is a foreign
        // key's, which deletes need; more would only slow the import down.
        entry.HasIndex(e => e.Key).IsUnique();
        entry.HasOne(e => e.Parent).WithMany(e => e.Children).HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.SetNull);
        entry.HasOne(e => e.Part).WithMany().HasForeignKey(e => e.PartId).OnDelete(DeleteBehavior.SetNull);
        entry.HasOne(e => e.SourceFile).WithMany(f => f.Entries).HasForeignKey(e => e.SourceFileId).OnDelete(DeleteBehavior.Cascade);
        Json(entry.Property(e => e.Extra));
        Json(entry.Property(e => e.Facts));
        entry.Property(e => e.Authors).HasConversion<JsonConverter<List<string>>, JsonComparer<List<string>>>();
        Json(entry.Property(e => e.Anchors));
        entry.OwnsOne(e => e.Capstone);
        entry.OwnsOne(e => e.Credential, credential =>
        {
            credential.Property(c => c.Status).HasConversion<string>();
            credential.HasIndex(c => c.GuideId);
        });
        entry.OwnsOne(e => e.Badge, badge =>
            badge.Property(b => b.Checks).HasConversion<JsonConverter<List<BadgeCheck>>, JsonComparer<List<BadgeCheck>>>());
        // The page body (HTML, contents, topics) lives in EntryBodies, read only by the entry's own page.
        entry.Ignore(e => e.Html);
        entry.Ignore(e => e.Toc);
        entry.Ignore(e => e.Topics);
        var body = modelBuilder.Entity<EntryBody>();
        body.HasKey(b => b.EntryId);
        body.Property(b => b.EntryId).ValueGeneratedNever();
        body.HasOne<Entry>().WithOne().HasForeignKey<EntryBody>(b => b.EntryId).OnDelete(DeleteBehavior.Cascade);
        body.Property(b => b.Toc).HasConversion<JsonConverter<List<TocItem>>, JsonComparer<List<TocItem>>>();
        body.Property(b => b.Topics).HasConversion<JsonConverter<List<Topic>>, JsonComparer<List<Topic>>>();

        // A badge's pictures and original file, read only when they are asked for.
        var entryFile = modelBuilder.Entity<EntryFile>();
        entryFile.HasKey(f => new { f.EntryId, f.Name });
        entryFile.HasOne<Entry>().WithMany().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);

        modelBuilder.Entity<Redirect>().HasOne(r => r.Entry).WithMany(e => e.Redirects).HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);

        modelBuilder.Entity<Tag>().HasIndex(t => t.Slug).IsUnique();
        modelBuilder.Entity<TagAlias>().HasKey(a => a.Slug);

        var entryTag = modelBuilder.Entity<EntryTag>();
        entryTag.HasKey(t => new { t.EntryId, t.TagId });
        entryTag.HasIndex(t => new { t.TagId, t.EntryId });
        entryTag.HasOne(t => t.Entry).WithMany(e => e.Tags).HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
        entryTag.HasOne(t => t.Tag).WithMany(t => t.Entries).HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);

        // A link goes with its source entry; when its target goes, it leads nowhere until the next import resolves it again.
        var link = modelBuilder.Entity<EntryLink>();
        link.HasKey(l => new { l.SourceEntryId, l.Number });
        link.HasOne<Entry>().WithMany().HasForeignKey(l => l.SourceEntryId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Entry>().WithMany().HasForeignKey(l => l.TargetEntryId).OnDelete(DeleteBehavior.SetNull);

        var file = modelBuilder.Entity<SourceFile>();
        file.HasIndex(f => f.Path).IsUnique();
        file.HasMany(f => f.Diagnostics).WithOne().HasForeignKey(d => d.SourceFileId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<StoredDiagnostic>().Property(d => d.Severity).HasConversion<string>();

        modelBuilder.Entity<MetaValue>().HasKey(m => m.Key);

        // The rows the FTS5 index (SearchIndex) reads: its id is the entry's, and the rowid the index names.
        var searchText = modelBuilder.Entity<SearchText>();
        searchText.ToTable("SearchText");
        searchText.Property(t => t.Id).ValueGeneratedNever();
    }

    private static void Json(PropertyBuilder<Dictionary<string, string>> property) =>
        // Types rather than lambdas: the importer writes these columns with the same converter (ImportRows).
        property.HasConversion<JsonConverter<Dictionary<string, string>>, JsonComparer<Dictionary<string, string>>>();

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>Stores a value as JSON.</summary>
public sealed class JsonConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, PortfolioDbContext.JsonOptions),
    json => JsonSerializer.Deserialize<T>(json, PortfolioDbContext.JsonOptions)!)
    where T : new();

/// <summary>Compares values by their JSON, as they are stored.</summary>
public sealed class JsonComparer<T>() : ValueComparer<T>(
    (a, b) => JsonSerializer.Serialize(a, PortfolioDbContext.JsonOptions) == JsonSerializer.Serialize(b, PortfolioDbContext.JsonOptions),
    value => JsonSerializer.Serialize(value, PortfolioDbContext.JsonOptions).GetHashCode(StringComparison.Ordinal),
    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, PortfolioDbContext.JsonOptions), PortfolioDbContext.JsonOptions)!);
