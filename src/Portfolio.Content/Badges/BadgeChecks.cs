using Portfolio.Content.Data;

namespace Portfolio.Content.Badges;

/// <summary>What the import checked, and what it did not: signatures, issuer keys, revocation and hosted copies need more than the file.</summary>
internal static class BadgeChecks
{
    /// <summary>The checks of a badge read from <paramref name="source"/>, in the order its page lists them.</summary>
    public static List<BadgeCheck> Of(BadgeCredential badge, BadgeSource source)
    {
        var kind = badge.Type == "Assertion" ? $"an Open Badges {badge.Version} assertion" : $"an Open Badges 3.0 {badge.Type}";
        var parts = badge.Type == "Assertion" ? "its BadgeClass, issuer and issue date" : "its issuer, achievement and dates";
        var checks = new List<BadgeCheck>
        {
            badge.StructureProblems.Count == 0
                ? new("Structure", true, $"{Capitalize(kind)} with {parts} where the specification puts them.")
                : new("Structure", false, $"{Capitalize(kind)}, but {string.Join("; ", badge.StructureProblems)}."),
        };
        if (source.BakedChunk is { } chunk)
        {
            checks.Add(new("Baked image", true, $"Read from {chunk}; every chunk of the PNG is intact (its CRC matches)."));
        }
        else if (source.Container == BadgeContainer.Svg)
        {
            checks.Add(new("Baked image", true, $"Read from {source.Where}."));
        }

        var dates = badge.Issued is null ? "it has no issue date"
            : badge.Expires is { } until && badge.ValidFrom is { } from && until < from ? "it expires before it becomes valid"
            : null;
        checks.Add(dates is null
            ? new("Dates", true, badge.Expires is null ? "Well-formed, with no expiry." : "Well-formed, and the expiry comes after the start.")
            : new("Dates", false, Capitalize(dates) + "."));

        var signed = source.JwtAlgorithm is { } algorithm ? $"Signed as a JWT ({algorithm})"
            : badge.Proofs.Count > 0 ? $"Signed with {string.Join(" and ", badge.Proofs)}"
            : badge.SignedAssertion ? "A signed assertion"
            : null;
        checks.Add(new("Signature", null, signed is null ? "Not signed: the file carries no proof, so there is no signature to check." : $"{signed}: signature not checked."));
        if (signed is not null)
        {
            checks.Add(new("Issuer key", null, "Issuer key not checked: needs the network."));
        }

        if (badge.StatusList is { } list)
        {
            checks.Add(new("Revocation", null, $"It names a status list ({list}): not checked, looking it up needs the network."));
        }

        if (badge.HostedUrl is { } hosted)
        {
            checks.Add(new("Hosted copy", null, $"The issuer keeps it at {hosted}: not compared, that needs the network."));
        }

        return checks;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
