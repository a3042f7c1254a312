namespace Portfolio.Content.Data;

/// <summary>The four fields of a capstone project.</summary>
public sealed class CapstoneDetails
{
    public string? Objective { get; set; }

    public string? Implementation { get; set; }

    /// <summary>As written, comma-separated; each technology is also a tag of the capstone.</summary>
    public string? Technologies { get; set; }

    public string? Outcome { get; set; }
}
