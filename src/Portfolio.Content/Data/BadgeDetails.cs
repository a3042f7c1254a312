namespace Portfolio.Content.Data;

/// <summary>What a badge holds beyond what every credential has: its format, issuer, pictures, original file and what was checked.</summary>
public sealed class BadgeDetails
{
    /// <summary>How the badge came: "Open Badges 3.0, baked into a PNG image".</summary>
    public string Format { get; set; } = "";

    /// <summary>The issuer's kind of achievement (Badge, Certificate, Degree, …), as the badge names it.</summary>
    public string? AchievementType { get; set; }

    /// <summary>The issuer's web address, where the badge gives an http(s) one.</summary>
    public string? IssuerUrl { get; set; }

    /// <summary>The site address of the issuer's picture, stored from the badge; null when it has none the site can show.</summary>
    public string? IssuerImage { get; set; }

    /// <summary>The site address of the badge's picture: a baked file itself, or an image the badge carries as a data: URI.</summary>
    public string? Image { get; set; }

    /// <summary>Why there is no picture, when the badge names one the site does not fetch.</summary>
    public string? ImageNote { get; set; }

    /// <summary>Who the badge was awarded to, where it says by name.</summary>
    public string? Recipient { get; set; }

    /// <summary>The name of the original file, as the download offers it.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The site address of the original file, byte for byte.</summary>
    public string Download { get; set; } = "";

    /// <summary>What the import checked of the badge, and what it could not.</summary>
    public List<BadgeCheck> Checks { get; set; } = [];
}

/// <summary>One thing checked about a badge (or not): "Signature", false for failed, null for not checked, with why.</summary>
public sealed record BadgeCheck(string What, bool? Passed, string Detail);
