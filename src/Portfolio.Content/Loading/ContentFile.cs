namespace Portfolio.Content.Loading;

/// <summary>A content file's bytes as read from disk, with those of its sidecar YAML file if it has one.</summary>
public sealed record ContentFile(string Path, byte[] Bytes, string? SidecarPath = null, byte[]? SidecarBytes = null)
{
    /// <summary>For a badge: the JSON files of badges/, where an Open Badges 2.0 assertion finds the BadgeClass and Issuer it names.</summary>
    internal Badges.BadgeFolder? Siblings { get; init; }
}
