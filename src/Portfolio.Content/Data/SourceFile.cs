using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Data;

/// <summary>A content file as last imported: its hash, whether it loaded, and what was reported about it.</summary>
public sealed class SourceFile
{
    public int Id { get; set; }

    /// <summary>Relative to the content folder, with '/' separators.</summary>
    public required string Path { get; set; }

    /// <summary>SHA-256 of the file and its sidecar; unchanged files are not parsed again.</summary>
    public required string Hash { get; set; }

    /// <summary>The sizes and times of the file and its sidecar when last read: unchanged stamps are not even read again.</summary>
    public string Stamp { get; set; } = "";

    /// <summary>False when the last version had errors; the entries of the last good version, if any, stay.</summary>
    public bool Loaded { get; set; }

    public DateTime ImportedAt { get; set; }

    public List<Entry> Entries { get; set; } = [];

    public List<StoredDiagnostic> Diagnostics { get; set; } = [];
}

/// <summary>A diagnostic as stored with its file.</summary>
public sealed class StoredDiagnostic
{
    public int Id { get; set; }

    public int SourceFileId { get; set; }

    /// <summary>The file the diagnostic points at (a sidecar can report about its Markdown file's entry).</summary>
    public required string Path { get; set; }

    public int Line { get; set; }

    public int Column { get; set; }

    public DiagnosticSeverity Severity { get; set; }

    public required string Message { get; set; }

    /// <summary>True when the diagnostic comes from looking at the whole folder (links between files, stray files) and is worked out again at every import.</summary>
    public bool FromFolderPass { get; set; }
}

/// <summary>A key-value fact about the database: schema version, configuration hash, time of the last import.</summary>
public sealed class MetaValue
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
