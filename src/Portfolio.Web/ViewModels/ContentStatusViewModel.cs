using Portfolio.Content.Diagnostics;

namespace Portfolio.Web.ViewModels;

/// <summary>The content status page: the last import and every problem it found, by file.</summary>
public sealed record ContentStatusViewModel(
    PageInfo Page,
    DateTimeOffset? LastImportAt,
    string? Summary,
    string? Failure,
    IReadOnlyList<(string Path, IReadOnlyList<ContentDiagnostic> Diagnostics)> Files) : IPageModel;
