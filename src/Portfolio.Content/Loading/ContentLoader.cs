using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Extraction;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Markdown;
using Portfolio.Content.Text;

namespace Portfolio.Content.Loading;

/// <summary>A content file's bytes as read from disk, with those of its sidecar YAML file if it has one.</summary>
public sealed record ContentFile(string Path, byte[] Bytes, string? SidecarPath = null, byte[]? SidecarBytes = null)
{
    /// <summary>For a badge: the JSON files of badges/, where an Open Badges 2.0 assertion finds the BadgeClass and Issuer it names.</summary>
    internal Badges.BadgeFolder? Siblings { get; init; }
}

/// <summary>Loads one Markdown file into entries: front matter, Markdown, and the structure its kind implies (a badge file, as a badge).</summary>
public static class ContentLoader
{
    /// <summary>Loads a file; a file with errors yields its diagnostics and no entries. Never throws for bad content.</summary>
    public static LoadedDocument Load(ContentFile file, Func<string, bool> exists)
    {
        var result = new LoadedDocument(file.Path);
        var diagnostics = new DiagnosticBag(file.Path);
        var sidecarDiagnostics = new DiagnosticBag(file.SidecarPath ?? file.Path);
        try
        {
            if (ContentPaths.IsBadge(file.Path))
            {
                Badges.BadgeLoader.LoadInto(result, file, exists, diagnostics, sidecarDiagnostics);
            }
            else
            {
                LoadInto(result, file, exists, diagnostics, sidecarDiagnostics);
            }
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own limit, for nesting that IsShallowEnough cannot see (emphasis, brackets).
            diagnostics.Error(1, 1, "the Markdown is nested too deeply to read (emphasis, brackets, lists or quotes); flatten it");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in the loader must not take the rest of the site with it: report it against the file.
            diagnostics.Error(1, 1, $"the file could not be loaded because of an internal error ({ex.GetType().Name}: {ex.Message}); please report it");
        }

        result.Diagnostics.AddRange(diagnostics.Items);
        result.Diagnostics.AddRange(sidecarDiagnostics.Items);
        if (result.Failed)
        {
            result.Entries.Clear();
        }

        return result;
    }

    private static void LoadInto(LoadedDocument result, ContentFile file, Func<string, bool> exists, DiagnosticBag diagnostics, DiagnosticBag sidecarDiagnostics)
    {
        var text = SourceText.Decode(file.Bytes, diagnostics);
        var split = text is null ? null : FrontMatterParser.Split(text, diagnostics);
        var fields = split is null ? null
            : split.Yaml is null ? new FrontMatterFields()
            : FrontMatterParser.Parse(split.Yaml, split.YamlFirstLine, diagnostics);

        if (file.SidecarBytes is not null)
        {
            var sidecarText = SourceText.Decode(file.SidecarBytes, sidecarDiagnostics);
            if (sidecarText is not null && FrontMatterParser.Parse(sidecarText, 1, sidecarDiagnostics) is { } sidecar)
            {
                fields?.MergeFrom(sidecar, sidecarDiagnostics);
            }
        }

        if (split is null || fields is null || sidecarDiagnostics.HasErrors)
        {
            return;
        }

        void Warn(SourceLocation at, string message) =>
            (at.Path == sidecarDiagnostics.Path && at.Path != diagnostics.Path ? sidecarDiagnostics : diagnostics).Warning(at.Line, at.Column, message);

        var (kind, slug, parentKey, knownFolder) = ContentPaths.Classify(file.Path);
        // Hugo's 'type' names the kind as 'kind' does when it is one of this site's; any other type, and any layout or template, is left to the folder.
        var type = fields.Templates.Find(t => t.Key.Equals("type", StringComparison.OrdinalIgnoreCase) && DeclaredKind(t.Value) is not null);
        if ((fields.Kind ?? type.Value) is { } declared)
        {
            if (DeclaredKind(declared) is { } parsed)
            {
                kind = parsed;
                knownFolder = true;
            }
            else
            {
                var at = fields.LocationOf("kind", new SourceLocation(file.Path, 1, 1));
                diagnostics.Error(at.Line, at.Column, $"'kind' must be program, certification, guide or page; got '{declared}'");
                return;
            }
        }

        foreach (var template in fields.Templates.Where(t => t != type && !t.Value.Equals(kind.Slug(), StringComparison.OrdinalIgnoreCase)))
        {
            Warn(template.At, DeclaredKind(template.Value) is null
                ? $"'{template.Key}: {template.Value}' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: {kind.Slug()}"
                : $"'{template.Key}: {template.Value}' does not set the kind (only 'kind' and 'type' do) and is ignored; the kind comes from the folder: {kind.Slug()}");
        }

        if (!knownFolder)
        {
            diagnostics.Warning(1, 1, $"'{file.Path}' is not in a known folder ({string.Join("/, ", ContentPaths.Folders.Keys)}/); it is loaded as a page");
        }

        if (fields.Slug is null && fields.Permalink is { } permalink && OldAddressPaths.SlugOf(permalink.Path) is { Length: > 0 } permalinkSlug && permalinkSlug != slug)
        {
            Warn(permalink.At, $"'permalink' is a path ('{permalink.Path}'); the slug is '{permalinkSlug}', and the old address redirects to the page");
            slug = permalinkSlug;
        }

        slug = fields.Slug ?? slug;
        if (slug.Length == 0)
        {
            diagnostics.Error(1, 1, "the file name has no letters or digits to make a URL slug from; rename the file or add a 'slug' field");
            return;
        }

        if (!ContentMarkdown.IsShallowEnough(split.Body, split.BodyFirstLine, diagnostics))
        {
            return;
        }

        var document = ContentMarkdown.Parse(split.Body);

        var targets = new LinkTargets(DirectoryOf(file.Path), exists);
        var links = ContentMarkdown.Prepare(document, targets, diagnostics, split.BodyFirstLine);
        var context = new DocumentContext(file.Path, split.Body, split.BodyFirstLine, document, fields, diagnostics, result, links);

        var firstHeading = document.OfType<HeadingBlock>().FirstOrDefault();
        var title = fields.Title ?? (firstHeading is null ? null : DocumentContext.TextOf(firstHeading));
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Warning(1, 1, "no title: there is no 'title' field and no heading; the file name is used");
            title = Humanize(slug);
        }

        // The page shows the title, so a leading top-level heading (or one that repeats the title) leaves the body.
        var titleHeading = document.FirstOrDefault() is HeadingBlock lead
            && (lead.Level == 1 || string.Equals(DocumentContext.TextOf(lead), title, StringComparison.OrdinalIgnoreCase))
                ? lead
                : null;

        var entry = new Entry
        {
            Kind = kind,
            Slug = slug,
            ParentKey = parentKey,
            Title = title,
            // A summary or excerpt written for the page describes it better than its first paragraph would.
            Description = fields.Description ?? fields.Summary ?? fields.Excerpt,
            Summary = fields.Summary ?? fields.Excerpt,
            Category = fields.Category,
            Date = fields.Date,
            Updated = fields.Updated,
            IsDraft = fields.Draft == true || fields.Published == false,
            Image = PreviewImage.Resolve(fields, targets, Warn),
            Authors = fields.Authors,
            Redirects = fields.Aliases.Concat(fields.Permalink is { } oldAddress ? [oldAddress] : []).DistinctBy(a => a.Path, StringComparer.OrdinalIgnoreCase)
                .Select(a => new Redirect { Path = a.Path, SourcePath = a.At.Path, Line = a.At.Line, Column = a.At.Column })
                .ToList(),
            Order = fields.Order ?? 0,
            SourcePath = file.Path,
            SourceLine = titleHeading is null ? 1 : context.LineOf(titleHeading),
            Extra = fields.Extra,
        };
        entry.UpdateKey();
        result.Add(entry, fields.Tags.Count > 0 ? fields.Tags : fields.Keywords);

        var own = document.Where(b => !ReferenceEquals(b, titleHeading)).ToList();
        switch (kind)
        {
            case EntryKind.Program:
                entry.Facts = OverviewFacts(context, own);
                entry.Credential = Credential(context, entry, exists);
                // The capstones and competencies are shown from their rows, so their sections leave the body.
                Remove(own, CapstoneExtractor.Extract(context, entry));
                break;
            case EntryKind.Certification:
                entry.Facts = OverviewFacts(context, own);
                entry.Credential = Credential(context, entry, exists);
                (entry.Topics, var competencies) = Competencies(context);
                Remove(own, competencies);
                break;
            case EntryKind.Guide:
                own = GuideExtractor.Extract(context, entry, titleHeading);
                break;
            case EntryKind.CourseNote:
                entry.Topics = TopicExtractor.FromSections(document, titleHeading);
                break;
        }

        if (entry.Description is null)
        {
            entry.Description = DocumentContext.FirstParagraphText(own);
            entry.DescriptionIsExcerpt = true;
        }

        context.Render(entry, own);
        // A guide's or program's progress is that of the whole file, its modules' and capstones' items included.
        entry.SetTasks(TaskProgress.Of(document));

        // Capstones and modules come from the same file: they were changed when it was, by the same people.
        foreach (var child in result.Entries.Where(e => !ReferenceEquals(e, entry)))
        {
            child.Updated ??= entry.Updated;
            child.Image ??= entry.Image;
            child.Authors = entry.Authors;
        }

        DocumentContext.AnchorAt(entry, titleHeading);
        // A heading whose section no page shows as text (capstones, competencies) still leads to the file's page.
        var shown = result.Entries.SelectMany(e => e.Anchors.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var heading in MarkdownWalk.BlocksIn<HeadingBlock>(document))
        {
            if (DocumentContext.IdOf(heading) is { } id && shown.Add(id))
            {
                entry.Anchors[id] = "";
            }
        }

        InPageLinks.LeadAcrossPages(result.Entries);
    }

    /// <summary>The kind a 'kind' (or Hugo's 'type') may name: program, certification, guide or page.</summary>
    private static EntryKind? DeclaredKind(string text) =>
        Enum.TryParse<EntryKind>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            && parsed is EntryKind.Program or EntryKind.Certification or EntryKind.Guide or EntryKind.Page
                ? parsed
                : null;

    /// <summary>A paragraph made only of "**Label:** value" lines, such as a program overview, gives facts.</summary>
    private static Dictionary<string, string> OverviewFacts(DocumentContext context, IEnumerable<Block> blocks)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var paragraph in blocks.OfType<ParagraphBlock>())
        {
            var source = context.SourceOf(paragraph);
            if (DocumentContext.IsAllLabelled(source))
            {
                foreach (var (label, value) in DocumentContext.LabelledLines(source))
                {
                    facts.TryAdd(label, value);
                }
            }
        }

        return facts;
    }

    private static CredentialDetails Credential(DocumentContext context, Entry entry, Func<string, bool> exists)
    {
        var fields = context.Fields;
        string? Fact(string label) => entry.Facts.TryGetValue(label, out var value) ? value : null;

        var status = CredentialStatus.Earned;
        if (fields.Status is { } declared)
        {
            switch (Slug.From(declared))
            {
                case "earned" or "completed" or "complete" or "passed" or "active" or "certified":
                    break;
                case "in-preparation" or "preparing" or "planned" or "studying" or "in-progress":
                    status = CredentialStatus.InPreparation;
                    break;
                default:
                    var at = context.LocationOf("status");
                    context.Diagnostics.Warning(at.Line, at.Column, $"'status' must be earned or in-preparation; got '{declared}', read as earned");
                    break;
            }
        }
        else if (entry.Date is null)
        {
            context.Diagnostics.Warning(1, 1, "no 'date' and no 'status': the credential is shown as in preparation");
            status = CredentialStatus.InPreparation;
        }

        if (status == CredentialStatus.Earned && entry.Date is null)
        {
            context.Diagnostics.Warning(1, 1, "an earned credential has no 'date'; add the date it was earned");
        }

        var examDate = fields.ExamDate;
        if (examDate is not null && (entry.Kind != EntryKind.Certification || status != CredentialStatus.InPreparation))
        {
            var at = context.LocationOf("examdate");
            context.Diagnostics.Warning(at.Line, at.Column,
                $"'exam_date' is for a certification in preparation; ignored for {(entry.Kind == EntryKind.Certification ? "an earned one" : "a " + entry.Kind.DisplayName().ToLowerInvariant())}");
            examDate = null;
        }

        return new CredentialDetails
        {
            Status = status,
            Issuer = fields.Issuer ?? Fact("Issuer"),
            Provider = fields.Provider ?? Fact("Provider"),
            Code = fields.Code ?? Fact("Code") ?? Fact("Exam"),
            CredentialId = fields.CredentialId ?? Fact("Credential ID"),
            Expires = fields.Expires,
            ExamDate = examDate,
            ValidYears = fields.ValidYears,
            VerificationUrl = fields.VerificationUrl,
            Duration = fields.Duration ?? Fact("Duration"),
            Funding = fields.Funding ?? Fact("Funding"),
            GuideSlug = fields.Guide,
            GuideLine = fields.Guide is null ? null : context.LocationOf("guide").Line,
            BadgePath = BadgePath(context, exists),
            BadgeLine = fields.Badge is null ? null : context.LocationOf("badge").Line,
        };
    }

    /// <summary>
    /// The badge file a credential names, as a path in the content folder: written from the top ("badges/x.png" or
    /// "/badges/x.png") or relative to the file ("../badges/x.png"). Whether it loaded as a badge is known when the files are linked.
    /// </summary>
    private static string? BadgePath(DocumentContext context, Func<string, bool> exists)
    {
        if (context.Fields.Badge is not { } written)
        {
            return null;
        }

        var directory = DirectoryOf(context.Path);
        var relative = written.StartsWith('/') ? null : LinkPolicy.Resolve(directory, written);
        var path = relative is not null && (exists(relative) || written.StartsWith('.')) ? relative : LinkPolicy.Resolve("", written);
        if (path is null || !ContentPaths.IsBadge(path))
        {
            var at = context.LocationOf("badge");
            context.Diagnostics.Warning(at.Line, at.Column, $"'badge' must name a badge file in {ContentPaths.BadgeFolder}/ (JSON, a JWT, or a baked PNG or SVG); got '{written}', which is ignored");
            return null;
        }

        return path;
    }

    /// <summary>The areas under a "Key Competencies" (or "Skills", "Domains") heading, each with its items, and the blocks they came from.</summary>
    private static (List<Topic> Topics, List<Block> Blocks) Competencies(DocumentContext context)
    {
        var heading = context.Blocks.OfType<HeadingBlock>()
            .FirstOrDefault(h => System.Text.RegularExpressions.Regex.IsMatch(DocumentContext.TextOf(h), @"\b(competenc|skills|domains)", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        if (heading is null)
        {
            return ([], []);
        }

        var section = DocumentContext.SectionUnder(context.Blocks, heading);
        var topics = TopicExtractor.FromSections(section, defaultSection: DocumentContext.TextOf(heading));
        return (topics, topics.Count == 0 ? [] : [heading, .. section]);
    }

    private static void Remove(List<Block> blocks, List<Block> section) =>
        blocks.RemoveAll(b => section.Exists(s => ReferenceEquals(s, b)));

    private static string DirectoryOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    private static string Humanize(string slug) =>
        slug.Length == 0 ? slug : char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
