namespace Portfolio.Content.Data;

/// <summary>What makes a program, certification or badge a credential: who grants it, its code, status and dates.</summary>
public sealed class CredentialDetails
{
    public CredentialStatus Status { get; set; }

    /// <summary>The body that grants a certification (for example Amazon Web Services).</summary>
    public string? Issuer { get; set; }

    /// <summary>The school that runs a program (for example Udacity).</summary>
    public string? Provider { get; set; }

    /// <summary>The exam or credential code (for example MLA-C01).</summary>
    public string? Code { get; set; }

    public string? CredentialId { get; set; }

    public DateTime? Expires { get; set; }

    /// <summary>The day of the exam planned for a certification in preparation (front matter's <c>exam_date</c>).</summary>
    public DateTime? ExamDate { get; set; }

    /// <summary>The day the credential becomes valid, where the issuer says (a badge's validFrom); before it the credential is not yet valid.</summary>
    public DateTime? ValidFrom { get; set; }

    public int? ValidYears { get; set; }

    public string? VerificationUrl { get; set; }

    public string? Duration { get; set; }

    public string? Funding { get; set; }

    /// <summary>The slug of the guide that prepares for this certification.</summary>
    public string? GuideSlug { get; set; }

    /// <summary>The line of the 'guide' field, to point at it when the guide does not exist.</summary>
    public int? GuideLine { get; set; }

    public int? GuideId { get; set; }

    /// <summary>For a certification: the badge file (a path in the content folder) whose image, checks and download it shows.</summary>
    public string? BadgePath { get; set; }

    /// <summary>The line of the 'badge' field, to point at it when there is no badge there.</summary>
    public int? BadgeLine { get; set; }

    /// <summary>The badge entry of <see cref="BadgePath"/>, once the import has linked the files.</summary>
    public int? BadgeId { get; set; }
}
