namespace Portfolio.Content.Badges;

/// <summary>What reading a badge's JSON gave: a credential, a part of an Open Badges 2.0 badge kept beside it, or why it is refused.</summary>
internal sealed record BadgeReading(BadgeCredential? Credential, bool IsPart = false, string? Refusal = null, string? RefusalPath = null)
{
    public static BadgeReading Refused(string why, string? path = null) => new(null, Refusal: why, RefusalPath: path);
}
