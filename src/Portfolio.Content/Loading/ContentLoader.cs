using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Loading;

/// <summary>Loads one Markdown file into entries: front matter, Markdown, and the structure its kind implies (a badge file, as a badge).</summary>
public static class ContentLoader
{
    /// <summary>Loads a file; a file with errors yields its diagnostics and no entries. Never throws for bad content.</summary>
    public static LoadedDocument Load(ContentFile file, Func<string, bool> exists)
    {
        var result = new LoadedDocument(file.Path);
        var diagnostics = new DiagnosticBag(file.Path);
        var sidecarDiagnostics = new DiagnosticBag(file.SidecarPath ?? file.Path);
        try
        {
            if (ContentPaths.IsBadge(file.Path))
            {
                Badges.BadgeLoader.LoadInto(result, file, exists, diagnostics, sidecarDiagnostics);
            }
            else
            {
                MarkdownLoader.LoadInto(result, file, exists, diagnostics, sidecarDiagnostics);
            }
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own limit, for nesting that IsShallowEnough cannot see (emphasis, brackets).
            diagnostics.Error(1, 1, "the Markdown is nested too deeply to read (emphasis, brackets, lists or quotes); flatten it");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in the loader must not take the rest of the site with it: report it against the file.
            diagnostics.Error(1, 1, $"the file could not be loaded because of an internal error ({ex.GetType().Name}: {ex.Message}); please report it");
        }

        result.Diagnostics.AddRange(diagnostics.Items);
        result.Diagnostics.AddRange(sidecarDiagnostics.Items);
        if (result.Failed)
        {
            result.Entries.Clear();
        }

        return result;
    }
}
