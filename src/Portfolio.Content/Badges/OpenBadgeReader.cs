using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>
/// Reads Open Badges JSON: a 3.0 OpenBadgeCredential or AchievementCredential (Verifiable Credentials data model 1.1
/// or 2.0), or a 2.0 Assertion with its BadgeClass and Issuer embedded or named (and older assertions, read as 2.0).
/// Problems that still let the badge show are reported as warnings at the property; nothing is fetched.
/// </summary>
internal static class OpenBadgeReader
{
    private static readonly string[] SupportingTypes = ["BadgeClass", "Issuer", "Profile", "CryptographicKey", "RevocationList", "Achievement"];

    /// <summary>Reads a credential or assertion; <paramref name="claims"/> is the JWT payload it came in, if it came in one.</summary>
    public static BadgeReading Read(JsonElement root, Action<string?, string> warn, Func<string, SiblingJson?> sibling, JsonElement? claims = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return BadgeReading.Refused("the JSON is not an object, so it is not an Open Badge");
        }

        var types = TypesOf(root);
        if (types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential"))
        {
            return new BadgeReading(OpenBadge3Reader.Read(root, types.Contains("OpenBadgeCredential") ? "OpenBadgeCredential" : "AchievementCredential", warn, claims));
        }

        if (types.Contains("EndorsementCredential"))
        {
            return BadgeReading.Refused("this is an EndorsementCredential: it endorses an issuer or an achievement, it is not a badge awarded to you, so it is not shown; keep it out of badges/", "type");
        }

        if (types.Contains("VerifiableCredential"))
        {
            return BadgeReading.Refused($"this Verifiable Credential is not an Open Badge: its type ({string.Join(", ", types)}) names neither OpenBadgeCredential nor AchievementCredential", "type");
        }

        if (types.Contains("Assertion"))
        {
            return new BadgeReading(OpenBadge2Reader.Read(root, "2.0", warn, sibling));
        }

        if (root.TryGetProperty("badge", out _) && (root.TryGetProperty("recipient", out _) || root.TryGetProperty("identity", out _) || root.TryGetProperty("uid", out _)))
        {
            warn(null, "an Open Badges assertion older than 2.0 (it has no 'type'): read as 2.0 where the two agree; ask the issuer for a 2.0 or 3.0 export");
            return new BadgeReading(OpenBadge2Reader.Read(root, "1.0", warn, sibling));
        }

        var supporting = types.FirstOrDefault(t => SupportingTypes.Contains(t, StringComparer.Ordinal));
        if (supporting is not null)
        {
            return new BadgeReading(null, IsPart: true);
        }

        return BadgeReading.Refused(types.Count == 0
            ? "the JSON is not an Open Badge: it has no 'type' (an Open Badges 3.0 credential's names OpenBadgeCredential; a 2.0 assertion's is Assertion)"
            : $"the JSON is not an Open Badge: its type is {string.Join(", ", types)}, not OpenBadgeCredential, AchievementCredential or Assertion", types.Count == 0 ? null : "type");
    }

    /// <summary>The values of "type" (and JSON-LD's "@type"), one or many.</summary>
    private static List<string> TypesOf(JsonElement root) =>
        [.. BadgeJson.Strings(root, "type").Concat(BadgeJson.Strings(root, "@type")).Distinct(StringComparer.Ordinal)];
}
