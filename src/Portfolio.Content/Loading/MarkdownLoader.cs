using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Extraction;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Markdown;
using Portfolio.Content.Text;

namespace Portfolio.Content.Loading;

/// <summary>
/// Loads a Markdown file: its front matter (and sidecar) into an entry, its body parsed, split into the children its
/// kind implies (a program's capstones, a guide's modules) and rendered.
/// </summary>
internal static class MarkdownLoader
{
    /// <summary>Loads a Markdown file into the document: its entry, the children its kind implies, their bodies and anchors.</summary>
    public static void LoadInto(LoadedDocument result, ContentFile file, Func<string, bool> exists, DiagnosticBag diagnostics, DiagnosticBag sidecarDiagnostics)
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

        if (EntryAddress.Of(file.Path, fields, diagnostics, Warn) is not { } address)
        {
            return;
        }

        var (kind, slug, parentKey) = address;
        if (!ContentMarkdown.IsShallowEnough(split.Body, split.BodyFirstLine, diagnostics))
        {
            return;
        }

        var document = ContentMarkdown.Parse(split.Body);

        var targets = new LinkTargets(ContentPaths.DirectoryOf(file.Path), exists);
        var links = ContentMarkdown.Prepare(document, targets, diagnostics, split.BodyFirstLine);
        var context = new DocumentContext(file.Path, split.Body, split.BodyFirstLine, document, fields, diagnostics, result, links);

        var firstHeading = document.OfType<HeadingBlock>().FirstOrDefault();
        var title = fields.Title ?? (firstHeading is null ? null : DocumentContext.TextOf(firstHeading));
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Warning(1, 1, "no title: there is no 'title' field and no heading; the file name is used");
            title = Slug.ToTitle(slug);
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
                entry.Facts = CredentialExtractor.OverviewFacts(context, own);
                entry.Credential = CredentialExtractor.Extract(context, entry, exists);
                // The capstones and competencies are shown from their rows, so their sections leave the body.
                Remove(own, CapstoneExtractor.Extract(context, entry));
                break;
            case EntryKind.Certification:
                entry.Facts = CredentialExtractor.OverviewFacts(context, own);
                entry.Credential = CredentialExtractor.Extract(context, entry, exists);
                (entry.Topics, var competencies) = TopicExtractor.Competencies(context);
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

        NumberRepeatedSlugs(result.Entries, diagnostics);
        InPageLinks.LeadAcrossPages(result.Entries);
    }

    /// <summary>Two capstones (or modules) of one file with one title: both are kept, the later under a numbered slug.</summary>
    private static void NumberRepeatedSlugs(List<Entry> entries, DiagnosticBag diagnostics)
    {
        var firsts = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (firsts.TryAdd(entry.Key, entry))
            {
                continue;
            }

            var original = entry.Slug;
            var first = firsts[entry.Key];
            var n = 2;
            while (entries.Exists(e => e.Key == Entry.KeyOf(entry.Kind, $"{original}-{n}", entry.ParentKey)))
            {
                n++;
            }

            entry.Slug = $"{original}-{n}";
            entry.UpdateKey();
            firsts.Add(entry.Key, entry);
            diagnostics.Warning(entry.SourceLine, 1, $"the slug '{original}' is already used in this file (line {first.SourceLine}); this one is served as '{entry.Slug}'");
        }
    }

    private static void Remove(List<Block> blocks, List<Block> section) =>
        blocks.RemoveAll(b => section.Exists(s => ReferenceEquals(s, b)));
}
