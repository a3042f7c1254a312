using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portfolio.Content.Badges;

/// <summary>What reading a badge's JSON gave: a credential, a part of an Open Badges 2.0 badge kept beside it, or why it is refused.</summary>
internal sealed record BadgeReading(BadgeCredential? Credential, bool IsPart = false, string? Refusal = null, string? RefusalPath = null)
{
    public static BadgeReading Refused(string why, string? path = null) => new(null, Refusal: why, RefusalPath: path);
}

/// <summary>A JSON file of badges/ that another file may name, found by its relative path or by its id.</summary>
internal sealed record SiblingJson(string Path, JsonElement Root);

/// <summary>
/// Reads Open Badges JSON: a 3.0 OpenBadgeCredential or AchievementCredential (Verifiable Credentials data model 1.1
/// or 2.0), or a 2.0 Assertion with its BadgeClass and Issuer embedded or named (and older assertions, read as 2.0).
/// Problems that still let the badge show are reported as warnings at the property; nothing is fetched.
/// </summary>
internal static partial class OpenBadgeReader
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
            return new BadgeReading(ReadVersion3(root, types.Contains("OpenBadgeCredential") ? "OpenBadgeCredential" : "AchievementCredential", warn, claims));
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
            return new BadgeReading(ReadVersion2(root, "2.0", warn, sibling));
        }

        if (root.TryGetProperty("badge", out _) && (root.TryGetProperty("recipient", out _) || root.TryGetProperty("identity", out _) || root.TryGetProperty("uid", out _)))
        {
            warn(null, "an Open Badges assertion older than 2.0 (it has no 'type'): read as 2.0 where the two agree; ask the issuer for a 2.0 or 3.0 export");
            return new BadgeReading(ReadVersion2(root, "1.0", warn, sibling));
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

    private static BadgeCredential ReadVersion3(JsonElement root, string type, Action<string?, string> warn, JsonElement? claims)
    {
        var badge = new BadgeCredential { Version = "3.0", Type = type, Id = Text(root, "id") ?? ClaimText(claims, "jti") };
        badge.Issuer = Issuer(root, "issuer", warn) ?? (ClaimText(claims, "iss") is { } iss ? new BadgeIssuer(Id: iss) : new BadgeIssuer());
        if (!root.TryGetProperty("issuer", out _))
        {
            badge.StructureProblems.Add("it names no issuer");
            warn(null, "the credential names no 'issuer'");
        }

        var issuance = Date(root, "issuanceDate", warn);
        var validFrom = Date(root, "validFrom", warn);
        badge.Issued = Date(root, "awardedDate", warn) ?? issuance ?? validFrom ?? ClaimDate(claims, "iat") ?? ClaimDate(claims, "nbf");
        badge.ValidFrom = validFrom ?? issuance ?? ClaimDate(claims, "nbf");
        badge.Expires = Date(root, "validUntil", warn) ?? Date(root, "expirationDate", warn) ?? ClaimDate(claims, "exp");
        if (badge.Issued is null)
        {
            badge.StructureProblems.Add("it has no issue date");
            warn(null, "the credential has no 'validFrom' (or 'issuanceDate'): it is shown without a date");
        }

        var subject = Subject(root, warn);
        var achievement = subject is { } s && s.TryGetProperty("achievement", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        badge.Recipient = subject is { } named ? Text(named, "name") : null;
        if (achievement is { } found)
        {
            const string at = "credentialSubject.achievement";
            badge.Name = Text(found, "name");
            badge.Description = Text(found, "description");
            badge.AchievementType = Text(found, "achievementType");
            badge.Code = Text(found, "humanCode");
            if (found.TryGetProperty("criteria", out var criteria))
            {
                badge.CriteriaNarrative = criteria.ValueKind == JsonValueKind.Object ? Text(criteria, "narrative") : null;
                badge.CriteriaUrl = criteria.ValueKind == JsonValueKind.Object ? WebUrl(Text(criteria, "id")) : WebUrl(criteria.ValueKind == JsonValueKind.String ? criteria.GetString() : null);
            }

            badge.Image = Image(found, "image", at + ".image");
            badge.Tags.AddRange(Strings(found, "tag"));
            badge.Alignments.AddRange(Alignments(found, at + ".alignment", warn));
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

        badge.Name ??= Text(root, "name");
        badge.Description ??= Text(root, "description");
        badge.Image ??= Image(root, "image", "image");
        badge.Evidence.AddRange(Evidence(root, warn));
        foreach (var proof in Items(root, "proof"))
        {
            badge.Proofs.Add(ProofName(proof));
        }

        if (root.TryGetProperty("credentialStatus", out var status))
        {
            badge.StatusList = (status.ValueKind == JsonValueKind.Array ? status.EnumerateArray().FirstOrDefault() : status) is { ValueKind: JsonValueKind.Object } first
                ? Text(first, "type") ?? "a status list" : "a status list";
        }

        return badge;
    }

    private static BadgeCredential ReadVersion2(JsonElement root, string version, Action<string?, string> warn, Func<string, SiblingJson?> sibling)
    {
        var badge = new BadgeCredential { Version = version, Type = "Assertion", Id = Text(root, "id") ?? Text(root, "uid") };
        badge.Issued = Date(root, "issuedOn", warn) ?? Date(root, "issued_on", warn);
        badge.ValidFrom = badge.Issued;
        badge.Expires = Date(root, "expires", warn);
        if (badge.Issued is null)
        {
            badge.StructureProblems.Add("it has no issue date");
            warn(null, "the assertion has no 'issuedOn': it is shown without a date");
        }

        var verification = root.TryGetProperty("verification", out var v) ? v : root.TryGetProperty("verify", out var old) ? old : default;
        var verificationType = verification.ValueKind == JsonValueKind.Object ? Text(verification, "type") : null;
        badge.SignedAssertion = string.Equals(verificationType, "signed", StringComparison.OrdinalIgnoreCase);
        if (!badge.SignedAssertion)
        {
            badge.HostedUrl = WebUrl(verification.ValueKind == JsonValueKind.Object ? Text(verification, "url") : null) ?? WebUrl(badge.Id);
        }

        var badgeClass = Part(root, "badge", "BadgeClass", warn, sibling, badge);
        if (badgeClass is { } found)
        {
            badge.Name = Text(found, "name");
            badge.Description = Text(found, "description");
            if (found.TryGetProperty("criteria", out var criteria))
            {
                badge.CriteriaNarrative = criteria.ValueKind == JsonValueKind.Object ? Text(criteria, "narrative") : null;
                badge.CriteriaUrl = WebUrl(criteria.ValueKind == JsonValueKind.Object ? Text(criteria, "id") : criteria.ValueKind == JsonValueKind.String ? criteria.GetString() : null);
            }

            badge.Image = Image(found, "image", "badge.image");
            badge.Tags.AddRange(Strings(found, "tags"));
            badge.Alignments.AddRange(Alignments(found, "badge.alignment", warn));
            var issuer = Part(found, "issuer", "Issuer", warn, sibling, badge);
            badge.Issuer = issuer is { } i
                ? new BadgeIssuer(Text(i, "id"), Text(i, "name"), WebUrl(Text(i, "url")) ?? WebUrl(Text(i, "origin")), Image(i, "image", "badge.issuer.image"))
                : new BadgeIssuer(Id: found.TryGetProperty("issuer", out var named) && named.ValueKind == JsonValueKind.String ? named.GetString() : null);
            if (badge.Name is null)
            {
                badge.StructureProblems.Add("its BadgeClass has no name");
                warn("badge", "the BadgeClass has no 'name'");
            }
        }

        // An assertion's own picture is the badge as awarded to this recipient: it comes before the BadgeClass's.
        badge.Image = Image(root, "image", "image") ?? badge.Image;
        if (Text(root, "narrative") is { } narrative)
        {
            badge.Evidence.Add(new BadgeEvidence("How it was earned", null, narrative, null, null));
        }

        badge.Evidence.AddRange(Evidence(root, warn));
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
        warn(property, Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? $"the {kind} at {reference} is not fetched (the site reads no network) and no JSON file in badges/ has that id; put its JSON beside the assertion: the badge shows what the assertion holds"
            : $"the {kind} '{reference}' is not a JSON file in badges/ and no JSON file there has that id: the badge shows what the assertion holds");
        return null;
    }

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

        return new BadgeIssuer(Text(issuer, "id"), Text(issuer, "name"), WebUrl(Text(issuer, "url")), Image(issuer, "image", property + ".image"));
    }

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

    private static IEnumerable<BadgeAlignment> Alignments(JsonElement owner, string path, Action<string?, string> warn)
    {
        var property = path[(path.LastIndexOf('.') + 1)..];
        var i = 0;
        foreach (var item in Items(owner, property))
        {
            var name = Text(item, "targetName");
            if (name is null)
            {
                warn($"{path}[{i}]", "an alignment without a 'targetName' is left out");
            }
            else
            {
                yield return new BadgeAlignment(name, WebUrl(Text(item, "targetUrl")), Text(item, "targetFramework"), Text(item, "targetCode"), Text(item, "targetDescription"));
            }

            i++;
        }
    }

    private static IEnumerable<BadgeEvidence> Evidence(JsonElement root, Action<string?, string> warn)
    {
        if (!root.TryGetProperty("evidence", out var evidence))
        {
            yield break;
        }

        var items = evidence.ValueKind == JsonValueKind.Array ? evidence.EnumerateArray().ToList() : [evidence];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return new BadgeEvidence(null, WebUrl(item.GetString()), null, null, null);
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                yield return new BadgeEvidence(Text(item, "name"), WebUrl(Text(item, "id")), Text(item, "narrative"), Text(item, "description"), Text(item, "genre"));
            }
            else
            {
                warn(evidence.ValueKind == JsonValueKind.Array ? $"evidence[{i}]" : "evidence", "evidence must be an address or an object with a name, narrative or id; this one is left out");
            }
        }
    }

    /// <summary>"Ed25519Signature2020 (did:key:z6Mk…)", "DataIntegrityProof eddsa-rdfc-2022 (https://…)".</summary>
    private static string ProofName(JsonElement proof)
    {
        var type = Text(proof, "type") ?? "a proof of unknown type";
        var suite = Text(proof, "cryptosuite");
        var method = Text(proof, "verificationMethod");
        return (suite is null ? type : $"{type} {suite}") + (method is null ? "" : $" with the key {method}");
    }

    private static ImageReference? Image(JsonElement owner, string property, string path)
    {
        if (!owner.TryGetProperty(property, out var image))
        {
            return null;
        }

        return image.ValueKind switch
        {
            JsonValueKind.String when image.GetString() is { Length: > 0 } id => new ImageReference(id, null, path),
            JsonValueKind.Object when Text(image, "id") is { } id => new ImageReference(id, Text(image, "caption"), path + ".id"),
            _ => null,
        };
    }

    /// <summary>The values of "type" (and JSON-LD's "@type"), one or many.</summary>
    private static List<string> TypesOf(JsonElement root) =>
        [.. Strings(root, "type").Concat(Strings(root, "@type")).Distinct(StringComparer.Ordinal)];

    /// <summary>The objects of a property that is one object or a list of them.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement owner, string property) =>
        !owner.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
        : value.ValueKind == JsonValueKind.Object ? [value]
        : [];

    /// <summary>The texts of a property that is one text or a list of them.</summary>
    private static IEnumerable<string> Strings(JsonElement owner, string property) =>
        !owner.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)
        : value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } one ? [one]
        : [];

    /// <summary>A text property; a JSON-LD language value ({"@value": …}) or a list of them gives its (first) text.</summary>
    private static string? Text(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value) ? TextOf(value) : null;

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim() is { Length: > 0 } text ? text : null,
        JsonValueKind.Object when value.TryGetProperty("@value", out var inner) => TextOf(inner),
        JsonValueKind.Array => value.EnumerateArray().Select(TextOf).FirstOrDefault(t => t is not null),
        _ => null,
    };

    private static string? ClaimText(JsonElement? claims, string name) => claims is { } c ? Text(c, name) : null;

    private static DateTime? ClaimDate(JsonElement? claims, string name) =>
        claims is { } c && c.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : null;

    /// <summary>An ISO 8601 date (or date and time) in UTC; a number is Unix seconds, as assertions before 2.0 wrote them.</summary>
    private static DateTime? Date(JsonElement owner, string property, Action<string?, string> warn)
    {
        if (!owner.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }

        if (value.ValueKind == JsonValueKind.String && IsoDate().IsMatch(value.GetString()!)
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.UtcDateTime;
        }

        warn(property, $"'{property}' must be a date and time like 2024-03-05T14:30:00Z; got {value.GetRawText()}: it is left out");
        return null;
    }

    /// <summary>An http(s) address as written; anything else (a urn:, a did:) is not a page to link to.</summary>
    private static string? WebUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? text : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();
}
