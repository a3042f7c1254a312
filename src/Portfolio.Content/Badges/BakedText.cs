namespace Portfolio.Content.Badges;

/// <summary>
/// The credential text a baked image carries (JSON or a compact JWT) and where it starts in the file, or why there is
/// none: what <see cref="PngBadge"/> and <see cref="SvgBadge"/> find.
/// </summary>
internal sealed record BakedText(string? Text, string Where, int Line = 1, int Column = 1, string? Problem = null)
{
    /// <summary>No credential text, for the reason given, at a line and column of the file.</summary>
    public static BakedText Failure(string problem, int line = 1, int column = 1) => new(null, "", line, column, problem);
}
