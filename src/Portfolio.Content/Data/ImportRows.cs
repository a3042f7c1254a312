namespace Portfolio.Content.Data;

/// <summary>
/// The columns the importer writes with prepared statements, table by table, each with how its value is read from an
/// object, stored as EF stores it (enums as names, maps as JSON). A test holds each list to the EF model: add a
/// property to an entity and its column here, or the test fails.
/// </summary>
public static class ImportRows
{
    private static readonly JsonConverter<Dictionary<string, string>> Json = new();
    private static readonly JsonConverter<List<Markdown.TocItem>> TocJson = new();
    private static readonly JsonConverter<List<Topic>> TopicsJson = new();
    private static readonly JsonConverter<List<string>> NamesJson = new();
    private static readonly JsonConverter<List<BadgeCheck>> ChecksJson = new();

    /// <summary>Entries, owned capstone, credential and badge details included.</summary>
    public static readonly TableRows<Entry> Entries = new("Entries",
    [
        new("Id", e => e.Id),
        new("Kind", e => e.Kind.ToString()),
        new("Slug", e => e.Slug),
        new("Key", e => e.Key),
        new("ParentKey", e => e.ParentKey),
        new("ParentId", e => e.ParentId),
        new("PartId", e => e.PartId),
        new("Title", e => e.Title),
        new("Label", e => e.Label),
        new("Number", e => e.Number),
        new("Order", e => e.Order),
        new("Description", e => e.Description),
        new("DescriptionIsExcerpt", e => e.DescriptionIsExcerpt),
        new("Summary", e => e.Summary),
        new("Category", e => e.Category),
        new("Date", e => e.Date),
        new("Updated", e => e.Updated),
        new("IsDraft", e => e.IsDraft),
        new("Image", e => e.Image),
        new("Authors", e => NamesJson.ConvertToProvider(e.Authors)),
        new("WordCount", e => e.WordCount),
        new("ReadingMinutes", e => e.ReadingMinutes),
        new("SourceFileId", e => e.SourceFileId),
        new("SourcePath", e => e.SourcePath),
        new("SourceLine", e => e.SourceLine),
        new("Extra", e => Json.ConvertToProvider(e.Extra)),
        new("Facts", e => Json.ConvertToProvider(e.Facts)),
        new("Anchors", e => Json.ConvertToProvider(e.Anchors)),
        new("PlannedModules", e => e.PlannedModules),
        new("TaskItems", e => e.TaskItems),
        new("TaskItemsDone", e => e.TaskItemsDone),
        new("Capstone_Objective", e => e.Capstone?.Objective),
        new("Capstone_Implementation", e => e.Capstone?.Implementation),
        new("Capstone_Technologies", e => e.Capstone?.Technologies),
        new("Capstone_Outcome", e => e.Capstone?.Outcome),
        new("Credential_Status", e => e.Credential?.Status.ToString()),
        new("Credential_Issuer", e => e.Credential?.Issuer),
        new("Credential_Provider", e => e.Credential?.Provider),
        new("Credential_Code", e => e.Credential?.Code),
        new("Credential_CredentialId", e => e.Credential?.CredentialId),
        new("Credential_Expires", e => e.Credential?.Expires),
        new("Credential_ExamDate", e => e.Credential?.ExamDate),
        new("Credential_ValidYears", e => e.Credential?.ValidYears),
        new("Credential_VerificationUrl", e => e.Credential?.VerificationUrl),
        new("Credential_Duration", e => e.Credential?.Duration),
        new("Credential_Funding", e => e.Credential?.Funding),
        new("Credential_GuideSlug", e => e.Credential?.GuideSlug),
        new("Credential_GuideLine", e => e.Credential?.GuideLine),
        new("Credential_GuideId", e => e.Credential?.GuideId),
        new("Credential_ValidFrom", e => e.Credential?.ValidFrom),
        new("Credential_BadgePath", e => e.Credential?.BadgePath),
        new("Credential_BadgeLine", e => e.Credential?.BadgeLine),
        new("Credential_BadgeId", e => e.Credential?.BadgeId),
        new("Badge_Format", e => e.Badge?.Format),
        new("Badge_AchievementType", e => e.Badge?.AchievementType),
        new("Badge_IssuerUrl", e => e.Badge?.IssuerUrl),
        new("Badge_IssuerImage", e => e.Badge?.IssuerImage),
        new("Badge_Image", e => e.Badge?.Image),
        new("Badge_ImageNote", e => e.Badge?.ImageNote),
        new("Badge_Recipient", e => e.Badge?.Recipient),
        new("Badge_FileName", e => e.Badge?.FileName),
        new("Badge_Download", e => e.Badge?.Download),
        new("Badge_Checks", e => e.Badge is null ? null : ChecksJson.ConvertToProvider(e.Badge.Checks)),
    ]);

    /// <summary>Diagnostics.</summary>
    public static readonly TableRows<StoredDiagnostic> Diagnostics = new("Diagnostics",
    [
        new("SourceFileId", d => d.SourceFileId),
        new("Path", d => d.Path),
        new("Line", d => d.Line),
        new("Column", d => d.Column),
        new("Severity", d => d.Severity.ToString()),
        new("Message", d => d.Message),
        new("FromFolderPass", d => d.FromFolderPass),
    ]);

    /// <summary>Source files.</summary>
    public static readonly TableRows<SourceFile> SourceFiles = new("SourceFiles",
    [
        new("Id", f => f.Id),
        new("Path", f => f.Path),
        new("Hash", f => f.Hash),
        new("Stamp", f => f.Stamp),
        new("Loaded", f => f.Loaded),
        new("ImportedAt", f => f.ImportedAt),
    ]);

    /// <summary>The tags of entries.</summary>
    public static readonly TableRows<EntryTag> EntryTags = new("EntryTags",
    [
        new("EntryId", t => t.EntryId),
        new("TagId", t => t.TagId),
    ]);

    /// <summary>The page bodies of entries.</summary>
    public static readonly TableRows<EntryBody> EntryBodies = new("EntryBodies",
    [
        new("EntryId", b => b.EntryId),
        new("Html", b => b.Html),
        new("Toc", b => TocJson.ConvertToProvider(b.Toc)),
        new("Topics", b => TopicsJson.ConvertToProvider(b.Topics)),
    ]);

    /// <summary>The text the full-text index reads.</summary>
    public static readonly TableRows<SearchText> SearchTexts = new("SearchText",
    [
        new("Id", t => t.Id),
        new("Title", t => t.Title),
        new("Body", t => t.Body),
        new("Tags", t => t.Tags),
    ]);

    /// <summary>Links between entries.</summary>
    public static readonly TableRows<EntryLink> EntryLinks = new("EntryLinks",
    [
        new("SourceEntryId", l => l.SourceEntryId),
        new("Number", l => l.Number),
        new("Line", l => l.Line),
        new("Column", l => l.Column),
        new("Written", l => l.Written),
        new("Target", l => l.Target),
        new("IsWikilink", l => l.IsWikilink),
        new("RequestedFragment", l => l.RequestedFragment),
        new("TargetEntryId", l => l.TargetEntryId),
        new("TargetKey", l => l.TargetKey),
        new("Fragment", l => l.Fragment),
    ]);

    /// <summary>The files entries serve beneath their pages.</summary>
    public static readonly TableRows<EntryFile> EntryFiles = new("EntryFiles",
    [
        new("EntryId", f => f.EntryId),
        new("Name", f => f.Name),
        new("ContentType", f => f.ContentType),
        new("Bytes", f => f.Bytes),
    ]);

    /// <summary>Tag aliases.</summary>
    public static readonly TableRows<TagAlias> TagAliases = new("TagAliases",
    [
        new("Slug", a => a.Slug),
        new("Name", a => a.Name),
        new("TagSlug", a => a.TagSlug),
    ]);

    /// <summary>Old addresses of entries' pages.</summary>
    public static readonly TableRows<Redirect> Redirects = new("Redirects",
    [
        new("Path", r => r.Path),
        new("EntryId", r => r.EntryId),
        new("SourcePath", r => r.SourcePath),
        new("Line", r => r.Line),
        new("Column", r => r.Column),
        new("Ignored", r => r.Ignored),
    ]);

    /// <summary>Every table the importer writes row by row, for the test that holds them to the model.</summary>
    public static IReadOnlyList<ITableRows> All { get; } = [Entries, Diagnostics, SourceFiles, EntryTags, EntryBodies, EntryFiles, EntryLinks, SearchTexts, TagAliases, Redirects];
}

/// <summary>A table's name and the columns the importer writes, whatever the type of its rows.</summary>
public interface ITableRows
{
    /// <summary>The table.</summary>
    string Table { get; }

    /// <summary>The columns, in the order of the values.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The CLR type of the table's rows.</summary>
    Type RowType { get; }
}

/// <summary>The columns of one table and how each is read from a row object.</summary>
public sealed class TableRows<T>(string table, IReadOnlyList<Column<T>> columns) : ITableRows
{
    public string Table { get; } = table;

    public IReadOnlyList<Column<T>> Columns { get; } = columns;

    public IReadOnlyList<string> ColumnNames { get; } = columns.Select(c => c.Name).ToList();

    public Type RowType => typeof(T);
}

/// <summary>A column and how its stored value is read from a row object.</summary>
public sealed record Column<T>(string Name, Func<T, object?> Value);
