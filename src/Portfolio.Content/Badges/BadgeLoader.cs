using System.Text;
using System.Text.Json;
using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;
using Portfolio.Content.Text;

namespace Portfolio.Content.Badges;

/// <summary>
/// Loads a file of badges/ into a badge entry: an Open Badges 3.0 credential (JSON, a JWT, or baked into a PNG or SVG)
/// or a 2.0 assertion (JSON, a signed JWS, or baked). The original file and the pictures it carries are stored to be
/// served by the site; nothing is fetched. A file that is not a badge is an error, and the rest of the site loads.
/// </summary>
internal static class BadgeLoader
{
    /// <summary>The largest badge file read: issuers' badges are a few kilobytes to a few hundred.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The fields of a badge's sidecar YAML that are read; the badge file gives everything else.</summary>
    private static readonly string[] SidecarFields = ["title", "description", "tags", "slug", "draft", "published", "order"];

    /// <summary>Where a badge says when it expires: Open Badges 3.0 with each data model, and 2.0.</summary>
    private static readonly string[] ExpiryFields = ["validUntil", "expirationDate", "expires"];

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Loads a badge file with its sidecar into <paramref name="result"/>; problems go to the bags.</summary>
    public static void LoadInto(LoadedDocument result, ContentFile file, Func<string, bool> exists, DiagnosticBag diagnostics, DiagnosticBag sidecarDiagnostics)
    {
        if (file.Bytes.Length > MaxBytes)
        {
            diagnostics.Error(1, 1, $"the badge file is {file.Bytes.Length / (1024.0 * 1024.0):0.0} MB; a badge may be at most {MaxBytes / (1024 * 1024)} MB (issuers' badges are a few kilobytes): is it the right file?");
            return;
        }

        if (Unwrap(file, diagnostics) is not { } source)
        {
            return;
        }

        var siblings = file.Siblings ?? BadgeFolder.Empty;
        var directory = file.Path.Contains('/') ? file.Path[..file.Path.LastIndexOf('/')] : "";
        void Warn(string? path, string message)
        {
            var (line, column) = source.Json.LocationOf(path);
            diagnostics.Warning(line, column, message + source.Inside);
        }

        var reading = OpenBadgeReader.Read(source.Root, Warn, reference => siblings.Find(reference, directory), source.Claims);
        if (reading.Refusal is { } refusal)
        {
            var (line, column) = source.Json.LocationOf(reading.RefusalPath);
            diagnostics.Error(line, column, refusal + source.Inside);
            return;
        }

        if (reading.IsPart)
        {
            if (source.Container != Container.Json)
            {
                diagnostics.Error(source.Json.Start.Line, 1, $"{source.Where} holds part of an Open Badges 2.0 badge (a BadgeClass or an Issuer), not a badge awarded to you");
            }

            // A BadgeClass or Issuer beside the assertions that name it: read with them, nothing of its own to show.
            return;
        }

        var badge = reading.Credential!;
        var fields = Sidecar(file, sidecarDiagnostics);
        if (sidecarDiagnostics.HasErrors)
        {
            return;
        }

        var stem = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        stem = stem.Contains('.') ? stem[..stem.LastIndexOf('.')] : stem;
        var slug = fields.Slug ?? Slug.From(stem);
        if (slug.Length == 0)
        {
            diagnostics.Error(1, 1, "the file name has no letters or digits to make a URL slug from; rename the file or give it a 'slug' in a sidecar YAML file");
            return;
        }

        if (fields.Title is null && badge.Name is null)
        {
            Warn(null, "the badge has no name: the file name is shown");
        }

        var entry = new Entry
        {
            Kind = EntryKind.Badge,
            Slug = slug,
            Title = fields.Title ?? badge.Name ?? char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' '),
            Description = fields.Description ?? badge.Description,
            Date = badge.Issued,
            IsDraft = fields.Draft == true || fields.Published == false,
            Order = fields.Order ?? 0,
            SourcePath = file.Path,
            SourceLine = source.Json.Start.Line,
            Extra = fields.Extra,
        };
        entry.UpdateKey();

        var issuer = badge.Issuer.Name ?? HostOf(badge.Issuer.Url) ?? HostOf(badge.Issuer.Id);
        if (badge.Issuer.Name is null && (badge.Issuer.Id is not null || badge.Issuer.Url is not null))
        {
            Warn("issuer", issuer is null ? "the issuer has no name: none is shown" : $"the issuer has no name: it is shown as {issuer}");
        }

        if (badge.Expires is { } expires && badge.ValidFrom is { } from && expires < from)
        {
            badge.StructureProblems.Add("it expires before it becomes valid");
            Warn(ExpiryFields.FirstOrDefault(p => source.Root.TryGetProperty(p, out _)), "the badge expires before it becomes valid");
        }

        entry.Credential = new CredentialDetails
        {
            Status = CredentialStatus.Earned,
            Issuer = issuer,
            Code = badge.Code,
            CredentialId = badge.Id,
            Expires = badge.Expires,
            ValidFrom = badge.ValidFrom,
            VerificationUrl = badge.HostedUrl,
        };

        var files = new List<EntryFile>();
        var download = $"download/{slug}{Path.GetExtension(file.Path).ToLowerInvariant()}";
        files.Add(new EntryFile { Name = download, ContentType = source.ContentType, Bytes = file.Bytes });
        var details = new BadgeDetails
        {
            Format = $"Open Badges {badge.Version} {(badge.Type == "Assertion" ? "assertion" : badge.Type)}{source.Described}",
            AchievementType = badge.AchievementType,
            IssuerUrl = badge.Issuer.Url,
            Recipient = badge.Recipient,
            FileName = file.Path[(file.Path.LastIndexOf('/') + 1)..],
            Download = download,
        };

        if (source.Baked is not null)
        {
            // The baked file is the badge's picture: served from the one stored copy.
            details.Image = download;
        }
        else if (badge.Image is { } image)
        {
            (details.Image, details.ImageNote) = Picture(image, "image", files, Warn);
        }

        if (badge.Issuer.Image is { } issuerImage)
        {
            (details.IssuerImage, _) = Picture(issuerImage, "issuer", files, Warn);
        }

        details.Checks = Checks(badge, source);
        entry.Badge = details;
        // The page's picture for link previews, which show PNG, JPEG, GIF and WebP but not SVG.
        entry.Image = details.Image is { } shown && !shown.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? $"{EntryUrls.Badge(slug)}/{shown}" : null;

        // The owner's tags first, then the issuer's: the achievement's tags and the names of what it aligns to.
        result.Add(entry, fields.Tags.Concat(badge.Tags).Concat(badge.Alignments.Select(a => a.Name)).Distinct(StringComparer.OrdinalIgnoreCase));
        result.SetFiles(entry, files);
        Render(result, entry, badge, issuer, file.Path, exists, diagnostics);
    }

    /// <summary>The credential in a file, with where it came from and how it is served.</summary>
    private sealed record Source(
        JsonElement Root, JsonSource Json, JsonElement? Claims, Container Container, string Where, string Described, string ContentType, string Inside, BadgeImage? Baked,
        string? JwtAlgorithm, string? BakedChunk);

    private enum Container
    {
        Json,
        Jwt,
        Png,
        Svg,
    }

    /// <summary>Finds the credential's JSON in the file: the file itself, a JWT's payload, or the text baked into a PNG or SVG.</summary>
    private static Source? Unwrap(ContentFile file, DiagnosticBag diagnostics)
    {
        if (PngBadge.IsPng(file.Bytes))
        {
            var baked = PngBadge.Read(file.Bytes, MaxBytes);
            if (baked.Text is null)
            {
                diagnostics.Error(1, 1, baked.Problem!);
                return null;
            }

            return FromText(baked.Text, Container.Png, baked.Where, " baked into a PNG image", "image/png", BadgeImage.Baked(file.Bytes, svg: false),
                JsonSource.Embedded(Encoding.UTF8.GetBytes(baked.Text)), diagnostics);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(file.Bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(1, 1, "the file is not an Open Badge: it is neither a PNG nor UTF-8 text (JSON, a JWT or an SVG)");
            return null;
        }

        if (SvgBadge.LooksLikeXml(text))
        {
            var baked = SvgBadge.Read(text);
            if (baked.Text is null)
            {
                diagnostics.Error(baked.Line, baked.Column, baked.Problem!);
                return null;
            }

            return FromText(baked.Text, Container.Svg, baked.Where, " baked into an SVG image", "image/svg+xml", BadgeImage.Baked(file.Bytes, svg: true),
                JsonSource.OfFile(Encoding.UTF8.GetBytes(baked.Text), baked.Line, baked.Column), diagnostics);
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var utf8 = file.Bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? file.Bytes[3..] : file.Bytes;
            return FromText(text, Container.Json, "the JSON", " in JSON", "application/json", null, JsonSource.OfFile(utf8), diagnostics);
        }

        if (CompactJwt.LooksLikeJwt(trimmed) || file.Path.EndsWith(".jwt", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".jws", StringComparison.OrdinalIgnoreCase))
        {
            return FromText(trimmed, Container.Jwt, "the JWT", " in a JWT", "application/jwt", null, JsonSource.Embedded(file.Bytes), diagnostics);
        }

        diagnostics.Error(1, 1, "the file is not an Open Badge: it is not JSON, a JWT, a PNG or an SVG");
        return null;
    }

    /// <summary>Reads the credential text of a container: JSON, or a compact JWT whose payload (or its 'vc' claim) is the credential.</summary>
    private static Source? FromText(string text, Container container, string where, string described, string contentType, BadgeImage? baked, JsonSource json, DiagnosticBag diagnostics)
    {
        var (line, column) = json.Start;
        var inside = container is Container.Png ? $" (in {where})" : "";
        var trimmed = text.Trim();
        if (container is Container.Jwt || (container is not Container.Json && CompactJwt.LooksLikeJwt(trimmed)))
        {
            if (CompactJwt.Decode(trimmed, out var problem) is not { } jwt)
            {
                diagnostics.Error(line, column, (container is Container.Jwt ? "" : $"{where} holds a JWT that cannot be read: ") + problem);
                return null;
            }

            var payload = jwt.Payload;
            var credential = payload.TryGetProperty("vc", out var vc) && vc.ValueKind == JsonValueKind.Object ? vc : payload;
            var jwtDescribed = container is Container.Jwt ? described : " in a JWT" + described;
            return new Source(credential, json, payload, container, where, jwtDescribed, contentType, inside, baked, jwt.Algorithm ?? "none", container is Container.Png ? where : null);
        }

        if (container is not Container.Json && !trimmed.StartsWith('{'))
        {
            diagnostics.Error(line, column, Uri.TryCreate(trimmed, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? $"{where} only points at a hosted assertion ({trimmed}), which is not fetched: the site reads no network; export the badge with its assertion baked in, or as JSON"
                : $"{where} is neither JSON nor a JWT");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.Utf8);
            return new Source(document.RootElement.Clone(), json, null, container, where, described, contentType, inside, baked, null, container is Container.Png ? where : null);
        }
        catch (JsonException ex)
        {
            var (errorLine, errorColumn) = json.LocationOfError(ex);
            var message = ex.Message;
            // Where the JSON keeps the file's lines, the position is the diagnostic's; inside a PNG chunk it stays in the message.
            var cut = container is Container.Png ? -1 : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            diagnostics.Error(errorLine, errorColumn, $"{(container is Container.Json ? "the JSON" : $"the JSON in {where}")} is malformed: {(cut > 0 ? message[..cut] : message)}{inside}");
            return null;
        }
    }

    /// <summary>The fields of the badge's sidecar YAML file, if it has one: only a few are read, the others are reported.</summary>
    private static FrontMatterFields Sidecar(ContentFile file, DiagnosticBag sidecarDiagnostics)
    {
        if (file.SidecarBytes is null || SourceText.Decode(file.SidecarBytes, sidecarDiagnostics) is not { } text
            || FrontMatterParser.Parse(text, 1, sidecarDiagnostics) is not { } fields)
        {
            return new FrontMatterFields();
        }

        foreach (var (key, at) in fields.Locations.Where(l => !SidecarFields.Contains(l.Key, StringComparer.Ordinal)))
        {
            sidecarDiagnostics.Warning(at.Line, at.Column, $"'{key}' is not read for a badge: its sidecar may set {string.Join(", ", SidecarFields.Take(5))}; the badge file gives the rest");
        }

        return fields;
    }

    /// <summary>A picture the badge carries: a data: URI is stored and served by the site; an address is not fetched.</summary>
    private static (string? Name, string? Note) Picture(ImageReference image, string name, List<EntryFile> files, Action<string?, string> warn)
    {
        if (image.Id.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            if (BadgeImage.FromDataUri(image.Id, MaxBytes, out var problem) is { } picture)
            {
                var file = $"{name}.{picture.Extension}";
                files.Add(new EntryFile { Name = file, ContentType = picture.MediaType, Bytes = picture.Bytes });
                return (file, null);
            }

            warn(image.Path, $"the {(name == "issuer" ? "issuer's picture" : "badge's picture")} is not shown: {problem}");
            return (null, "The badge's picture could not be read from the badge file.");
        }

        return (null, Uri.TryCreate(image.Id, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? $"The issuer's picture of the badge is at {url.Host}; the site does not fetch it, so it shows none."
            : "The badge names a picture the site cannot show.");
    }

    /// <summary>What the import checked, and what it did not: signatures, issuer keys, revocation and hosted copies need more than the file.</summary>
    private static List<BadgeCheck> Checks(BadgeCredential badge, Source source)
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
        else if (source.Container == Container.Svg)
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

    /// <summary>The page text: the criteria, evidence and alignments, rendered as any body is, with their links resolved by the import.</summary>
    private static void Render(LoadedDocument result, Entry entry, BadgeCredential badge, string? issuer, string path, Func<string, bool> exists, DiagnosticBag diagnostics)
    {
        var markdown = BadgeMarkdown.Compose(badge);
        var bag = new DiagnosticBag(path);
        if (!ContentMarkdown.IsShallowEnough(markdown, 1, bag))
        {
            diagnostics.Warning(entry.SourceLine, 1, "the badge's criteria or evidence are nested too deeply to show; they are left out");
            markdown = "";
        }

        var document = ContentMarkdown.Parse(markdown);
        var links = ContentMarkdown.Prepare(document, new LinkTargets(path.Contains('/') ? path[..path.LastIndexOf('/')] : "", exists), bag, 1);
        foreach (var problem in bag.Items)
        {
            diagnostics.Warning(entry.SourceLine, 1, "in the badge's criteria or evidence: " + problem.Message);
        }

        var blocks = document.ToList();
        var text = PlainText.Of(blocks);
        entry.Html = MarkdownHtml.Render(blocks);
        entry.Toc = MarkdownHtml.TableOfContents(blocks, 2, 2);
        entry.WordCount = PlainText.CountWords(text);
        entry.ReadingMinutes = PlainText.ReadingMinutes(entry.WordCount);
        result.SetSearchText(entry, string.Join('\n', new[] { issuer, badge.AchievementType, text }.OfType<string>()));
        foreach (var link in links.Count == 0 ? [] : MarkdownWalk.InlinesIn<EntryLinkInline>(document))
        {
            if (link.Number >= 0)
            {
                result.AddLink(entry, links[link.Number]);
            }
        }

        foreach (var heading in MarkdownWalk.BlocksIn<HeadingBlock>(document))
        {
            if (Extraction.DocumentContext.IdOf(heading) is { } id)
            {
                entry.Anchors.TryAdd(id, id);
            }
        }
    }

    /// <summary>The host of an http(s) address or a did:web ("example.com"), to name an issuer that gives no name.</summary>
    private static string? HostOf(string? address)
    {
        if (address is not null && address.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(address["did:web:".Length..].Split(':')[0]);
        }

        return address is not null && Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.Host : null;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
