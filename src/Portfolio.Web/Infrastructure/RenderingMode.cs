namespace Portfolio.Web.Infrastructure;

/// <summary>
/// What the pages are rendered for: the live site, or a static copy written by the export (no query strings, no live
/// search). Only the exporter chooses the static copy, in code: it is not a setting.
/// </summary>
public sealed class RenderingMode
{
    private RenderingMode(bool isStaticCopy) => IsStaticCopy = isStaticCopy;

    /// <summary>Pages answered by the running site.</summary>
    public static RenderingMode LiveSite { get; } = new(false);

    /// <summary>Pages saved as files by the export.</summary>
    public static RenderingMode StaticCopy { get; } = new(true);

    public bool IsStaticCopy { get; }
}
