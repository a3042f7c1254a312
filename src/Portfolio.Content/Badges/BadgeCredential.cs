namespace Portfolio.Content.Badges;

/// <summary>
/// What an Open Badge says, whichever version and form it came in: the achievement, the issuer, the dates, the
/// evidence and what it carries to be verified with. <see cref="OpenBadgeReader"/> fills it.
/// </summary>
internal sealed class BadgeCredential
{
    /// <summary>"3.0", "2.0" or "1.0" (for assertions older than 2.0, read as 2.0).</summary>
    public required string Version { get; init; }

    /// <summary>What the file calls itself: "OpenBadgeCredential", "AchievementCredential", "Assertion".</summary>
    public required string Type { get; init; }

    public string? Id { get; set; }

    /// <summary>The achievement's name (a 3.0 achievement's, a 2.0 BadgeClass's); else the credential's own.</summary>
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? CriteriaNarrative { get; set; }

    public string? CriteriaUrl { get; set; }

    /// <summary>The picture as the badge names it: a data: URI or an address, with its caption.</summary>
    public ImageReference? Image { get; set; }

    public string? AchievementType { get; set; }

    /// <summary>A code people use for the achievement (a 3.0 achievement's humanCode).</summary>
    public string? Code { get; set; }

    public List<string> Tags { get; } = [];

    public List<BadgeAlignment> Alignments { get; } = [];

    public List<BadgeEvidence> Evidence { get; } = [];

    public BadgeIssuer Issuer { get; set; } = new();

    /// <summary>When it was awarded (awardedDate, issuanceDate, validFrom; a 2.0 issuedOn).</summary>
    public DateTime? Issued { get; set; }

    /// <summary>When it becomes valid (validFrom, else issuanceDate).</summary>
    public DateTime? ValidFrom { get; set; }

    /// <summary>When it stops being valid (validUntil, expirationDate; a 2.0 expires).</summary>
    public DateTime? Expires { get; set; }

    /// <summary>Who it was awarded to, where it says by name (a 3.0 credentialSubject's name).</summary>
    public string? Recipient { get; set; }

    /// <summary>The proofs it carries: "Ed25519Signature2020 (did:key:…)".</summary>
    public List<string> Proofs { get; } = [];

    /// <summary>The kind of status list it names to be looked up for revocation (credentialStatus), if any.</summary>
    public string? StatusList { get; set; }

    /// <summary>A 2.0 hosted assertion's address, where the issuer keeps its copy.</summary>
    public string? HostedUrl { get; set; }

    /// <summary>True when a 2.0 assertion says it is verified by signature.</summary>
    public bool SignedAssertion { get; set; }

    /// <summary>Problems with where things are, for the structure check: what is missing or not where the specification puts it.</summary>
    public List<string> StructureProblems { get; } = [];
}

/// <summary>A picture as a badge names it.</summary>
internal sealed record ImageReference(string Id, string? Caption, string Path);

/// <summary>Who issued a badge.</summary>
internal sealed record BadgeIssuer(string? Id = null, string? Name = null, string? Url = null, ImageReference? Image = null);

/// <summary>A framework, standard or competency an achievement aligns to.</summary>
internal sealed record BadgeAlignment(string Name, string? Url, string? Framework, string? Code, string? Description);

/// <summary>Work that shows the achievement was earned.</summary>
internal sealed record BadgeEvidence(string? Name, string? Url, string? Narrative, string? Description, string? Genre);
