using System.Text.Json;
using Portfolio.Content.Text;

namespace Portfolio.Content.Badges;

/// <summary>Reads an Open Badges 2.0 Assertion (or an older one, read as 2.0) with its BadgeClass and Issuer, embedded or named.</summary>
internal static class OpenBadge2Reader
{
    /// <summary>Reads an assertion of the <paramref name="version"/> given; a missing date, BadgeClass or Issuer is a structure problem.</summary>
    public static BadgeCredential Read(JsonElement root, string version, Action<string?, string> warn, Func<string, SiblingJson?> sibling)
    {
        var badge = new BadgeCredential { Version = version, Type = "Assertion", Id = BadgeJson.Text(root, "id") ?? BadgeJson.Text(root, "uid") };
        badge.Issued = BadgeDates.Read(root, "issuedOn", warn) ?? BadgeDates.Read(root, "issued_on", warn);
        badge.ValidFrom = badge.Issued;
        badge.Expires = BadgeDates.Read(root, "expires", warn);
        if (badge.Issued is null)
        {
            badge.StructureProblems.Add("it has no issue date");
            warn(null, "the assertion has no 'issuedOn': it is shown without a date");
        }

        var verification = root.TryGetProperty("verification", out var v) ? v : root.TryGetProperty("verify", out var old) ? old : default;
        var verificationType = verification.ValueKind == JsonValueKind.Object ? BadgeJson.Text(verification, "type") : null;
        badge.SignedAssertion = string.Equals(verificationType, "signed", StringComparison.OrdinalIgnoreCase);
        if (!badge.SignedAssertion)
        {
            badge.HostedUrl = BadgeJson.WebUrl(verification.ValueKind == JsonValueKind.Object ? BadgeJson.Text(verification, "url") : null) ?? BadgeJson.WebUrl(badge.Id);
        }

        var badgeClass = Part(root, "badge", "BadgeClass", warn, sibling, badge);
        if (badgeClass is { } found)
        {
            badge.Name = BadgeJson.Text(found, "name");
            badge.Description = BadgeJson.Text(found, "description");
            if (found.TryGetProperty("criteria", out var criteria))
            {
                badge.CriteriaNarrative = criteria.ValueKind == JsonValueKind.Object ? BadgeJson.Text(criteria, "narrative") : null;
                badge.CriteriaUrl = BadgeJson.WebUrl(criteria.ValueKind == JsonValueKind.Object ? BadgeJson.Text(criteria, "id") : criteria.ValueKind == JsonValueKind.String ? criteria.GetString() : null);
            }

            badge.Image = OpenBadgeParts.Image(found, "image", "badge.image");
            badge.Tags.AddRange(BadgeJson.Strings(found, "tags"));
            badge.Alignments.AddRange(OpenBadgeParts.Alignments(found, "badge.alignment", warn));
            var issuer = Part(found, "issuer", "Issuer", warn, sibling, badge);
            badge.Issuer = issuer is { } i
                ? new BadgeIssuer(BadgeJson.Text(i, "id"), BadgeJson.Text(i, "name"), BadgeJson.WebUrl(BadgeJson.Text(i, "url")) ?? BadgeJson.WebUrl(BadgeJson.Text(i, "origin")), OpenBadgeParts.Image(i, "image", "badge.issuer.image"))
                : new BadgeIssuer(Id: found.TryGetProperty("issuer", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null);
            if (badge.Name is null)
            {
                badge.StructureProblems.Add("its BadgeClass has no name");
                warn("badge", "the BadgeClass has no 'name'");
            }
        }

        // An assertion's own picture is the badge as awarded to this recipient: it comes before the BadgeClass's.
        badge.Image = OpenBadgeParts.Image(root, "image", "image") ?? badge.Image;
        if (BadgeJson.Text(root, "narrative") is { } narrative)
        {
            badge.Evidence.Add(new BadgeEvidence("How it was earned", null, narrative, null, null));
        }

        badge.Evidence.AddRange(OpenBadgeParts.Evidence(root, warn));
        return badge;
    }

    /// <summary>
    /// A BadgeClass or Issuer: embedded, or named by a relative path or an id that a JSON file in badges/ has. One named
    /// by an address that no file here has is reported, and the badge shows what the rest of it holds.
    /// </summary>
    private static JsonElement? Part(JsonElement parent, string property, string kind, Action<string?, string> warn, Func<string, SiblingJson?> sibling, BadgeCredential badge)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            badge.StructureProblems.Add($"it has no {kind}");
            warn(null, $"the {(kind == "Issuer" ? "BadgeClass" : "assertion")} names no '{property}' ({kind})");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } reference)
        {
            badge.StructureProblems.Add($"its {kind} is neither embedded nor named");
            warn(property, $"'{property}' must be the {kind} itself or its address");
            return null;
        }

        if (sibling(reference) is { } file)
        {
            return file.Root;
        }

        badge.StructureProblems.Add($"its {kind} ({reference}) is not here");
        warn(property, WebAddress.Is(reference)
            ? $"the {kind} at {reference} is not fetched (the site reads no network) and no JSON file in badges/ has that id; put its JSON beside the assertion: the badge shows what the assertion holds"
            : $"the {kind} '{reference}' is not a JSON file in badges/ and no JSON file there has that id: the badge shows what the assertion holds");
        return null;
    }
}
