using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Loading;
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

    /// <summary>Where a badge says when it expires: Open Badges 3.0 with each data model, and 2.0.</summary>
    private static readonly string[] ExpiryFields = ["validUntil", "expirationDate", "expires"];

    /// <summary>Loads a badge file with its sidecar into <paramref name="result"/>; problems go to the bags.</summary>
    public static void LoadInto(LoadedDocument result, ContentFile file, Func<string, bool> exists, DiagnosticBag diagnostics, DiagnosticBag sidecarDiagnostics)
    {
        if (file.Bytes.Length > MaxBytes)
        {
            diagnostics.Error(1, 1, $"the badge file is {file.Bytes.Length / (1024.0 * 1024.0):0.0} MB; a badge may be at most {MaxBytes / (1024 * 1024)} MB (issuers' badges are a few kilobytes): is it the right file?");
            return;
        }

        if (BadgeSource.Unwrap(file, diagnostics) is not { } source)
        {
            return;
        }

        void Warn(string? path, string message)
        {
            var (line, column) = source.Json.LocationOf(path);
            diagnostics.Warning(line, column, message + source.Inside);
        }

        if (Read(file, source, Warn, diagnostics) is not { } badge)
        {
            return;
        }

        var fields = BadgeSidecar.Read(file, sidecarDiagnostics);
        if (sidecarDiagnostics.HasErrors || SlugOf(file, fields, diagnostics) is not { } slug)
        {
            return;
        }

        var entry = EntryOf(file, source, badge, fields, slug, Warn);
        var issuer = IssuerName(badge.Issuer, Warn);
        FlagExpiryBeforeStart(badge, source, Warn);
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

        var (details, files) = Details(file, source, badge, slug, Warn);
        entry.Badge = details;
        // The page's picture for link previews, which show PNG, JPEG, GIF and WebP but not SVG.
        entry.Image = details.Image is { } shown && !shown.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? $"{EntryUrls.Badge(slug)}/{shown}" : null;

        // The owner's tags first, then the issuer's: the achievement's tags and the names of what it aligns to.
        result.Add(entry, fields.Tags.Concat(badge.Tags).Concat(badge.Alignments.Select(a => a.Name)).Distinct(StringComparer.OrdinalIgnoreCase));
        result.SetFiles(entry, files);
        BadgeBody.Render(result, entry, badge, issuer, file.Path, exists, diagnostics);
    }

    /// <summary>The credential of a badge awarded to the owner; none for a file refused, or for a part of a 2.0 badge kept beside its assertions.</summary>
    private static BadgeCredential? Read(ContentFile file, BadgeSource source, Action<string?, string> warn, DiagnosticBag diagnostics)
    {
        var siblings = file.Siblings ?? BadgeFolder.Empty;
        var directory = file.Path.Contains('/') ? file.Path[..file.Path.LastIndexOf('/')] : "";
        var reading = OpenBadgeReader.Read(source.Root, warn, reference => siblings.Find(reference, directory), source.Claims);
        if (reading.Refusal is { } refusal)
        {
            var (line, column) = source.Json.LocationOf(reading.RefusalPath);
            diagnostics.Error(line, column, refusal + source.Inside);
            return null;
        }

        if (reading.IsPart)
        {
            if (source.Container != BadgeContainer.Json)
            {
                diagnostics.Error(source.Json.Start.Line, 1, $"{source.Where} holds part of an Open Badges 2.0 badge (a BadgeClass or an Issuer), not a badge awarded to you");
            }

            // A BadgeClass or Issuer beside the assertions that name it: read with them, nothing of its own to show.
            return null;
        }

        return reading.Credential!;
    }

    /// <summary>The badge's URL slug: the sidecar's, else the file name's; none, and an error, when that has no letters or digits.</summary>
    private static string? SlugOf(ContentFile file, FrontMatterFields fields, DiagnosticBag diagnostics)
    {
        var stem = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        stem = stem.Contains('.') ? stem[..stem.LastIndexOf('.')] : stem;
        var slug = fields.Slug ?? Slug.From(stem);
        if (slug.Length == 0)
        {
            diagnostics.Error(1, 1, "the file name has no letters or digits to make a URL slug from; rename the file or give it a 'slug' in a sidecar YAML file");
            return null;
        }

        return slug;
    }

    /// <summary>The badge's entry: the sidecar's title, description and place over the badge's own, the file name's title when neither names it.</summary>
    private static Entry EntryOf(ContentFile file, BadgeSource source, BadgeCredential badge, FrontMatterFields fields, string slug, Action<string?, string> warn)
    {
        if (fields.Title is null && badge.Name is null)
        {
            warn(null, "the badge has no name: the file name is shown");
        }

        var entry = new Entry
        {
            Kind = EntryKind.Badge,
            Slug = slug,
            Title = fields.Title ?? badge.Name ?? Slug.ToTitle(slug),
            Description = fields.Description ?? badge.Description,
            Date = badge.Issued,
            IsDraft = fields.Draft == true || fields.Published == false,
            Order = fields.Order ?? 0,
            SourcePath = file.Path,
            SourceLine = source.Json.Start.Line,
            Extra = fields.Extra,
        };
        entry.UpdateKey();
        return entry;
    }

    /// <summary>The issuer's name, else the host of its address; an issuer with an address but no name is reported.</summary>
    private static string? IssuerName(BadgeIssuer issuer, Action<string?, string> warn)
    {
        var name = issuer.Name ?? HostOf(issuer.Url) ?? HostOf(issuer.Id);
        if (issuer.Name is null && (issuer.Id is not null || issuer.Url is not null))
        {
            warn("issuer", name is null ? "the issuer has no name: none is shown" : $"the issuer has no name: it is shown as {name}");
        }

        return name;
    }

    /// <summary>A badge that expires before it becomes valid is a structure problem, reported at its expiry.</summary>
    private static void FlagExpiryBeforeStart(BadgeCredential badge, BadgeSource source, Action<string?, string> warn)
    {
        if (badge.Expires is { } expires && badge.ValidFrom is { } from && expires < from)
        {
            badge.StructureProblems.Add("it expires before it becomes valid");
            warn(ExpiryFields.FirstOrDefault(p => source.Root.TryGetProperty(p, out _)), "the badge expires before it becomes valid");
        }
    }

    /// <summary>What the badge page shows beyond a credential's fields, with the files it serves: the original file and the pictures it carries.</summary>
    private static (BadgeDetails Details, List<EntryFile> Files) Details(ContentFile file, BadgeSource source, BadgeCredential badge, string slug, Action<string?, string> warn)
    {
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
            (details.Image, details.ImageNote) = Picture(image, "image", files, warn);
        }

        if (badge.Issuer.Image is { } issuerImage)
        {
            (details.IssuerImage, _) = Picture(issuerImage, "issuer", files, warn);
        }

        details.Checks = BadgeChecks.Of(badge, source);
        return (details, files);
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

        return (null, WebAddress.TryParse(image.Id, out var url)
            ? $"The issuer's picture of the badge is at {url.Host}; the site does not fetch it, so it shows none."
            : "The badge names a picture the site cannot show.");
    }

    /// <summary>The host of an http(s) address or a did:web ("example.com"), to name an issuer that gives no name.</summary>
    private static string? HostOf(string? address)
    {
        if (address is not null && address.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(address["did:web:".Length..].Split(':')[0]);
        }

        return WebAddress.TryParse(address, out var url) ? url.Host : null;
    }
}
