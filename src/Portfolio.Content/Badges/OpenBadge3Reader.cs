using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>Reads an Open Badges 3.0 OpenBadgeCredential or AchievementCredential, with the claims of the JWT it came in, if any.</summary>
internal static class OpenBadge3Reader
{
    /// <summary>Reads a 3.0 credential of the <paramref name="type"/> it names; a missing issuer, date or achievement is a structure problem.</summary>
    public static BadgeCredential Read(JsonElement root, string type, Action<string?, string> warn, JsonElement? claims)
    {
        var badge = new BadgeCredential { Version = "3.0", Type = type, Id = BadgeJson.Text(root, "id") ?? ClaimText(claims, "jti") };
        badge.Issuer = Issuer(root, "issuer", warn) ?? (ClaimText(claims, "iss") is { } iss ? new BadgeIssuer(Id: iss) : new BadgeIssuer());
        if (!root.TryGetProperty("issuer", out _))
        {
            badge.StructureProblems.Add("it names no issuer");
            warn(null, "the credential names no 'issuer'");
        }

        var issuance = BadgeDates.Read(root, "issuanceDate", warn);
        var validFrom = BadgeDates.Read(root, "validFrom", warn);
        badge.Issued = BadgeDates.Read(root, "awardedDate", warn) ?? issuance ?? validFrom ?? BadgeDates.ReadClaim(claims, "iat") ?? BadgeDates.ReadClaim(claims, "nbf");
        badge.ValidFrom = validFrom ?? issuance ?? BadgeDates.ReadClaim(claims, "nbf");
        badge.Expires = BadgeDates.Read(root, "validUntil", warn) ?? BadgeDates.Read(root, "expirationDate", warn) ?? BadgeDates.ReadClaim(claims, "exp");
        if (badge.Issued is null)
        {
            badge.StructureProblems.Add("it has no issue date");
            warn(null, "the credential has no 'validFrom' (or 'issuanceDate'): it is shown without a date");
        }

        var subject = Subject(root, warn);
        var achievement = subject is { } s && s.TryGetProperty("achievement", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        badge.Recipient = subject is { } named ? BadgeJson.Text(named, "name") : null;
        if (achievement is { } found)
        {
            const string at = "credentialSubject.achievement";
            badge.Name = BadgeJson.Text(found, "name");
            badge.Description = BadgeJson.Text(found, "description");
            badge.AchievementType = BadgeJson.Text(found, "achievementType");
            badge.Code = BadgeJson.Text(found, "humanCode");
            if (found.TryGetProperty("criteria", out var criteria))
            {
                badge.CriteriaNarrative = criteria.ValueKind == JsonValueKind.Object ? BadgeJson.Text(criteria, "narrative") : null;
                badge.CriteriaUrl = criteria.ValueKind == JsonValueKind.Object
                    ? BadgeJson.WebUrl(BadgeJson.Text(criteria, "id"))
                    : BadgeJson.WebUrl(criteria.ValueKind == JsonValueKind.String ? criteria.GetString() : null);
            }

            badge.Image = OpenBadgeParts.Image(found, "image", at + ".image");
            badge.Tags.AddRange(BadgeJson.Strings(found, "tag"));
            badge.Alignments.AddRange(OpenBadgeParts.Alignments(found, at + ".alignment", warn));
            if (badge.Name is null)
            {
                badge.StructureProblems.Add("its achievement has no name");
                warn(at, "the achievement has no 'name'");
            }
        }
        else
        {
            badge.StructureProblems.Add("it names no achievement");
            warn(subject is null ? null : "credentialSubject", "the credential names no achievement ('credentialSubject.achievement'): its own name and description are shown");
        }

        badge.Name ??= BadgeJson.Text(root, "name");
        badge.Description ??= BadgeJson.Text(root, "description");
        badge.Image ??= OpenBadgeParts.Image(root, "image", "image");
        badge.Evidence.AddRange(OpenBadgeParts.Evidence(root, warn));
        foreach (var proof in BadgeJson.Items(root, "proof"))
        {
            badge.Proofs.Add(ProofName(proof));
        }

        if (root.TryGetProperty("credentialStatus", out var status))
        {
            badge.StatusList = (status.ValueKind == JsonValueKind.Array ? status.EnumerateArray().FirstOrDefault() : status) is { ValueKind: JsonValueKind.Object } first
                ? BadgeJson.Text(first, "type") ?? "a status list" : "a status list";
        }

        return badge;
    }

    /// <summary>The issuer: its id alone, or a profile with its id, name, url and picture.</summary>
    private static BadgeIssuer? Issuer(JsonElement root, string property, Action<string?, string> warn)
    {
        if (!root.TryGetProperty(property, out var issuer))
        {
            return null;
        }

        if (issuer.ValueKind == JsonValueKind.String)
        {
            return new BadgeIssuer(Id: issuer.GetString());
        }

        if (issuer.ValueKind != JsonValueKind.Object)
        {
            warn(property, "'issuer' must be the issuer's id or a profile with its id, name and url");
            return null;
        }

        return new BadgeIssuer(BadgeJson.Text(issuer, "id"), BadgeJson.Text(issuer, "name"), BadgeJson.WebUrl(BadgeJson.Text(issuer, "url")), OpenBadgeParts.Image(issuer, "image", property + ".image"));
    }

    /// <summary>The credential's subject, the first of several; none when it is not an object.</summary>
    private static JsonElement? Subject(JsonElement root, Action<string?, string> warn)
    {
        if (!root.TryGetProperty("credentialSubject", out var subject))
        {
            warn(null, "the credential has no 'credentialSubject'");
            return null;
        }

        if (subject.ValueKind == JsonValueKind.Array)
        {
            if (subject.GetArrayLength() > 1)
            {
                warn("credentialSubject", "the credential has several subjects: the first is shown");
            }

            subject = subject.EnumerateArray().FirstOrDefault();
        }

        return subject.ValueKind == JsonValueKind.Object ? subject : null;
    }

    /// <summary>"Ed25519Signature2020 (did:key:z6Mk…)", "DataIntegrityProof eddsa-rdfc-2022 (https://…)".</summary>
    private static string ProofName(JsonElement proof)
    {
        var type = BadgeJson.Text(proof, "type") ?? "a proof of unknown type";
        var suite = BadgeJson.Text(proof, "cryptosuite");
        var method = BadgeJson.Text(proof, "verificationMethod");
        return (suite is null ? type : $"{type} {suite}") + (method is null ? "" : $" with the key {method}");
    }

    private static string? ClaimText(JsonElement? claims, string name) => claims is { } c ? BadgeJson.Text(c, name) : null;
}
