using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>
/// Every query of the site, and nothing else: lists and filters come from the in-memory index of the last import,
/// page bodies (rendered at import) from the database, read without tracking.
/// </summary>
public sealed class PortfolioReader(PortfolioDbContext db, ContentIndexProvider indexes, TimeProvider clock, SiteAddress address, Infrastructure.ContentState state)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The day a credential's state is worked out for: today, by the site's clock.</summary>
    private DateTime Today => clock.GetUtcNow().UtcDateTime.Date;
    private static readonly bool[] MatchValues = [false, true];
    private static readonly EntryKind?[] KindValues = [null, EntryKind.Program, EntryKind.Certification];

    public async Task<HomeViewModel> HomeAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var site = index.Site;
        var highlights = new Highlights(
            index.Entries.Count(e => e.Kind == EntryKind.Program),
            index.Entries.Count(e => e.Kind == EntryKind.Capstone),
            index.Entries.Count(e => e.Kind == EntryKind.Certification),
            index.Entries.Count(e => e.Kind == EntryKind.GuideModule && e.Number is not null));
        var description = site.Headline is null ? $"The learning portfolio of {site.Name}." : $"{site.Name}: {site.Headline}. {Story(index).FirstOrDefault()}";
        return new HomeViewModel(
            new PageInfo($"{site.Name} · Learning portfolio", description, Section.Home, SiteUrls.Home, "profile",
                [JsonLd.Person(site, address.Absolute(SiteUrls.Home), index.Credentials.Where(c => c.Credential?.Status == CredentialStatus.Earned).Select(c => (c.Title, address.Absolute(c.Url))))]),
            site,
            Story(index),
            highlights,
            index.Credentials.Take(4).Select(e => e.ToCredentialCard(Today)).ToList(),
            index.Tags,
            index.Entries.Count == 0);
    }

    /// <summary>A few lines of who the owner is and what they learned, built from the credentials.</summary>
    private static List<string> Story(ContentIndex index)
    {
        var lines = new List<string>();
        foreach (var program in index.Credentials.Where(e => e.Kind == EntryKind.Program && e.Credential?.Status == CredentialStatus.Earned))
        {
            var capstones = index.ChildrenOf(program.Id, EntryKind.Capstone).Count();
            var by = program.Credential?.Provider is { } provider ? $" with {provider}" : "";
            var year = program.Date is { } date ? $" in {date.Year}" : "";
            var projects = capstones > 0 ? $", building {capstones} capstone project{(capstones == 1 ? "" : "s")}" : "";
            lines.Add($"Completed the {program.Title}{by}{year}{projects}.");
        }

        foreach (var certification in index.Credentials.Where(e => e.Kind == EntryKind.Certification))
        {
            if (certification.Credential?.Status == CredentialStatus.InPreparation)
            {
                var guide = certification.Credential.GuideId is { } guideId && index.ById.TryGetValue(guideId, out var g) ? g : null;
                var written = guide is null ? 0 : index.ChildrenOf(guide.Id, EntryKind.GuideModule).Count(m => m.Number is not null);
                var writing = guide is null ? "" : $", writing a study guide along the way ({written} module{(written == 1 ? "" : "s")} so far)";
                lines.Add($"Preparing for the {certification.Title}{Code(certification)}{writing}.");
            }
            else
            {
                var when = certification.Date is { } date ? $" in {date.ToString("MMMM yyyy", English)}" : "";
                lines.Add($"Earned the {certification.Title}{Code(certification)}{when}.");
            }
        }

        return lines;
    }

    private static string Code(IndexedEntry entry) => entry.Credential?.Code is { } code ? $" ({code})" : "";

    public async Task<CredentialsViewModel> CredentialsAsync(CredentialQuery query, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var inKind = index.Credentials.Where(e => query.Kind is null || e.Kind == query.Kind).ToList();

        bool Passes(IndexedEntry e, IReadOnlyList<string> tags, bool any) =>
            tags.Count == 0 || (any ? tags.Any(e.HasTag) : tags.All(e.HasTag));

        var results = inKind.Where(e => Passes(e, query.Tags, query.MatchAny)).ToList();
        var tagOptions = inKind.SelectMany(e => e.Tags).Select(t => t.Slug).Distinct()
            .Where(slug => !query.Tags.Contains(slug))
            .Select(slug =>
            {
                var with = query.WithTag(slug);
                var count = inKind.Count(e => Passes(e, with.Tags, with.MatchAny));
                return new FilterOption(index.TagsBySlug[slug].Name, with.Url, count, false);
            })
            .OrderByDescending(o => o.Count).ThenBy(o => o.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var kindOptions = query.Static ? [] : KindValues
            .Select(kind => new FilterOption(
                CredentialsViewModel.KindLabel(kind),
                query.WithKind(kind).Url,
                index.Credentials.Count(e => (kind is null || e.Kind == kind) && Passes(e, query.Tags, query.MatchAny)),
                query.Kind == kind))
            .ToList();
        var matchOptions = query.Static ? [] : MatchValues
            .Select(any => new FilterOption(
                any ? "any of the tags" : "all of the tags",
                query.WithMatchAny(any).Url,
                inKind.Count(e => Passes(e, query.Tags, any)),
                query.MatchAny == any || query.Tags.Count < 2 && !any))
            .ToList();

        var chips = new List<FilterChip>();
        if (query.Kind is { } activeKind)
        {
            chips.Add(new FilterChip(CredentialsViewModel.KindLabel(activeKind), query.WithKind(null).Url));
        }

        chips.AddRange(query.Tags.Select(slug => new FilterChip(
            index.TagsBySlug.TryGetValue(slug, out var tag) ? tag.Name : slug, query.WithoutTag(slug).Url)));

        var title = query.IsEmpty ? "Credentials" : $"Credentials: {string.Join(query.MatchAny ? " or " : " and ", chips.Select(c => c.Label))}";
        return new CredentialsViewModel(
            new PageInfo(title, $"{results.Count} of the {index.Credentials.Count} programs and certifications of {index.Site.Name}.", Section.Credentials, query.Url),
            query,
            results.Select(e => e.ToCredentialCard(Today)).ToList(),
            chips,
            tagOptions,
            kindOptions,
            matchOptions,
            index.Credentials.Count);
    }

    /// <summary>Reads tag slugs from a URL as canonical slugs: any case, aliases read as their tag.</summary>
    public async Task<IReadOnlyList<string>> CanonicalTagsAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return CredentialQuery.Normalize(tags.Select(index.CanonicalTag));
    }

    public async Task<ListViewModel> ListAsync(EntryKind kind, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return kind switch
        {
            EntryKind.Program => new ListViewModel(
                new PageInfo("Programs", $"The learning programs of {index.Site.Name}.", Section.Programs, SiteUrls.Programs),
                "Programs completed, with their capstone projects and course notes.",
                index.Credentials.Where(e => e.Kind == EntryKind.Program).Select(e => e.ToCredentialCard(Today)).ToList(), []),
            EntryKind.Certification => new ListViewModel(
                new PageInfo("Certifications", $"The certifications of {index.Site.Name}, earned and in preparation.", Section.Certifications, SiteUrls.Certifications),
                "Certifications earned, and those in preparation.",
                index.Credentials.Where(e => e.Kind == EntryKind.Certification).Select(e => e.ToCredentialCard(Today)).ToList(), []),
            _ => new ListViewModel(
                new PageInfo("Guides", $"Study guides written by {index.Site.Name}.", Section.Guides, SiteUrls.Guides),
                "Study guides, written module by module.",
                [], index.Entries.Where(e => e.Kind == EntryKind.Guide).OrderBy(e => e.Title).Select(e => e.ToEntryCard()).ToList()),
        };
    }

    public async Task<ProgramViewModel?> ProgramAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Program, slug) is not { } program)
        {
            return null;
        }

        var body = await BodyAsync(program, cancellationToken);
        var credential = program.Credential;
        var facts = new List<Fact>();
        AddFact(facts, "Provider", credential?.Provider);
        AddFact(facts, "Duration", credential?.Duration);
        AddFact(facts, "Funding", credential?.Funding);
        AddFact(facts, "Completed", credential?.Status == CredentialStatus.InPreparation ? "In progress" : FormatDate(program.Date));
        foreach (var (label, value) in body.Facts.Where(f => f.Key is not ("Program" or "Provider" or "Duration" or "Funding")))
        {
            AddFact(facts, label, value);
        }

        return new ProgramViewModel(
            new PageInfo(program.Title, program.Description, Section.Programs, program.Url, "article",
                [JsonLd.Course(program, address.Absolute(program.Url), credential?.Provider, null,
                    index.ChildrenOf(program.Id, EntryKind.Capstone).Select(c => (c.Title, address.Absolute(c.Url))))]),
            body.Article,
            facts,
            index.ChildrenOf(program.Id, EntryKind.Capstone).Select(e => e.ToEntryCard()).ToList(),
            index.ChildrenOf(program.Id, EntryKind.CourseNote).Select(e => e.ToEntryCard()).ToList());
    }

    public async Task<CapstoneViewModel?> CapstoneAsync(string programSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Capstone, slug, programSlug) is not { } capstone || index.ParentOf(capstone) is not { } program)
        {
            return null;
        }

        var body = await BodyAsync(capstone, cancellationToken);
        var (previous, next) = index.NeighboursOf(capstone);
        var details = await db.Entries.Where(e => e.Key == capstone.Key).Select(e => e.Capstone).FirstOrDefaultAsync(cancellationToken) ?? new CapstoneDetails();
        return new CapstoneViewModel(
            new PageInfo($"{capstone.Title} · {program.Title}", capstone.Description, Section.Programs, capstone.Url, "article",
                [Breadcrumbs([new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)], capstone)]),
            body.Article,
            [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)],
            details,
            capstone.Tags,
            Neighbour(previous),
            Neighbour(next),
            program.Url,
            program.Title);
    }

    public async Task<CourseNoteViewModel?> CourseNoteAsync(string programSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.CourseNote, slug, programSlug) is not { } note || index.ParentOf(note) is not { } program)
        {
            return null;
        }

        var body = await BodyAsync(note, cancellationToken);
        return new CourseNoteViewModel(
            new PageInfo($"{note.Title} · {program.Title}", note.Description, Section.Programs, note.Url, "article",
                [Breadcrumbs([new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)], note)]),
            body.Article,
            [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)],
            body.Topics,
            program.Url,
            program.Title);
    }

    public async Task<CertificationViewModel?> CertificationAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Certification, slug) is not { } certification)
        {
            return null;
        }

        var body = await BodyAsync(certification, cancellationToken);
        var credential = certification.Credential ?? new CredentialDetails();
        var card = certification.ToCredentialCard(Today);
        var facts = new List<Fact>();
        AddFact(facts, "Issuer", credential.Issuer);
        AddFact(facts, "Exam code", credential.Code);
        AddFact(facts, "Status", StateName(card.State));
        AddFact(facts, "Earned", credential.Status == CredentialStatus.Earned ? FormatDate(certification.Date) : null);
        AddFact(facts, card.State == CredentialState.Expired ? "Expired" : "Valid until", FormatDate(card.Expires));
        AddFact(facts, "Credential ID", credential.CredentialId);

        var guide = credential.GuideId is { } guideId && index.ById.TryGetValue(guideId, out var g) ? g : null;
        var readingList = guide is null ? [] : index.ChildrenOf(guide.Id, EntryKind.GuideModule).Select(e => e.ToEntryCard()).ToList();
        return new CertificationViewModel(
            new PageInfo(certification.Title, certification.Description, Section.Certifications, certification.Url, "article",
                [JsonLd.Credential(certification, address.Absolute(certification.Url), body.Topics.SelectMany(t => t.Items).Where(t => t.Depth == 0).Select(t => t.Title))]),
            body.Article,
            facts,
            card.State,
            credential.VerificationUrl,
            body.Topics,
            Neighbour(guide),
            readingList);
    }

    public async Task<GuideViewModel?> GuideAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Guide, slug) is not { } guide)
        {
            return null;
        }

        var body = await BodyAsync(guide, cancellationToken);
        var chapters = index.ChildrenOf(guide.Id).ToList();
        var parts = new List<GuidePartGroup>();
        var current = new GuidePartGroup(null, null, null, null, []);
        foreach (var chapter in chapters)
        {
            if (chapter.Kind == EntryKind.GuidePart)
            {
                if (current.Chapters.Count > 0 || current.Title is not null)
                {
                    parts.Add(current);
                }

                current = new GuidePartGroup(chapter.Slug, chapter.Label, chapter.Title, chapter.Description, []);
            }
            else
            {
                current = current with { Chapters = [.. current.Chapters, chapter.ToEntryCard()] };
            }
        }

        if (current.Chapters.Count > 0 || current.Title is not null)
        {
            parts.Add(current);
        }

        var modules = chapters.Where(c => c.Kind == EntryKind.GuideModule).ToList();
        var preparesFor = index.Entries.Where(e => e.Credential?.GuideId == guide.Id).Select(e => Neighbour(e)).ToList();
        return new GuideViewModel(
            new PageInfo(guide.Title, guide.Description, Section.Guides, guide.Url, "article",
                [JsonLd.Course(guide, address.Absolute(guide.Url), null, index.Site.Name,
                    modules.Select(m => (m.Label is null ? m.Title : $"{m.Label}: {m.Title}", address.Absolute(m.Url))))]),
            body.Article,
            parts,
            modules.Count(m => m.Number is not null),
            guide.PlannedModules,
            modules.Sum(m => m.ReadingMinutes),
            preparesFor);
    }

    public async Task<ModuleViewModel?> ModuleAsync(string guideSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.GuideModule, slug, guideSlug) is not { } module || index.ParentOf(module) is not { } guide)
        {
            return null;
        }

        var body = await BodyAsync(module, cancellationToken);
        var chapters = index.ChildrenOf(guide.Id, EntryKind.GuideModule).ToList();
        var (previous, next) = index.NeighboursOf(module);
        var position = module.Number is { } number
            ? $"Module {number} of {Math.Max(guide.PlannedModules ?? 0, chapters.Count(c => c.Number is not null))}"
            : $"Chapter {chapters.FindIndex(c => c.Id == module.Id) + 1} of {chapters.Count}";
        var label = module.Label is null ? "" : $"{module.Label}: ";
        return new ModuleViewModel(
            new PageInfo($"{label}{module.Title} · {guide.Title}", module.Description, Section.Guides, module.Url, "article",
                [Breadcrumbs([new Crumb("Guides", SiteUrls.Guides), new Crumb(guide.Title, guide.Url)], module)]),
            body.Article,
            [new Crumb("Guides", SiteUrls.Guides), new Crumb(guide.Title, guide.Url)],
            position,
            Neighbour(previous),
            Neighbour(next),
            guide.Url,
            guide.Title);
    }

    public async Task<TagsViewModel> TagsAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return new TagsViewModel(
            new PageInfo("Tags", $"Every tag of the portfolio of {index.Site.Name}, with how many entries carry it.", Section.Tags, SiteUrls.Tags),
            index.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The tag page, or the canonical slug to redirect to when the URL names an alias or another spelling.</summary>
    /// <summary>How many cards a page of a tag shows: a tag of a large site is read a page at a time.</summary>
    public const int TagPageSize = 50;

    /// <summary>A page of the entries with a tag; no page when there is no such tag or page; a redirect for another spelling of the tag.</summary>
    public async Task<(TagViewModel? Page, string? RedirectTo)> TagAsync(string text, int page, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var slug = index.CanonicalTag(text);
        if (!index.TagsBySlug.TryGetValue(slug, out var tag))
        {
            return (null, null);
        }

        if (slug != text)
        {
            return (null, SiteUrls.Tag(slug, page));
        }

        // Credentials first, then the other kinds in this order, each in the order of its parent and source; a page is
        // a slice of that sequence, and only the slice becomes cards.
        var credentials = index.Credentials.Where(e => e.HasTag(slug)).ToList();
        var tagged = index.Entries.Where(e => e.Kind != EntryKind.GuidePart && e.HasTag(slug)).ToList();
        var groups = new (string Heading, EntryKind Kind)[]
            {
                ("Capstone projects", EntryKind.Capstone),
                ("Course notes", EntryKind.CourseNote),
                ("Guides", EntryKind.Guide),
                ("Guide modules", EntryKind.GuideModule),
                ("Pages", EntryKind.Page),
            }
            .Select(g => (g.Heading, Entries: tagged.Where(e => e.Kind == g.Kind).OrderBy(e => e.ParentId).ThenBy(e => e.Order).ToList()))
            .ToList();
        var total = credentials.Count + groups.Sum(g => g.Entries.Count);
        var pages = Math.Max(1, (total + TagPageSize - 1) / TagPageSize);
        if (page < 1 || page > pages)
        {
            return (null, null);
        }

        var skip = (page - 1) * TagPageSize;
        var left = TagPageSize;
        List<T> Slice<T>(List<T> items)
        {
            var slice = items.Skip(skip).Take(left).ToList();
            skip = Math.Max(0, skip - items.Count);
            left -= slice.Count;
            return slice;
        }

        var credentialCards = Slice(credentials).Select(e => e.ToCredentialCard(Today)).ToList();
        var groupCards = groups
            .Select(g => (g.Heading, (IReadOnlyList<EntryCard>)Slice(g.Entries).Select(e => e.ToEntryCard()).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
        var url = SiteUrls.Tag(slug, page);
        var title = page == 1 ? $"Tagged “{tag.Name}”" : $"Tagged “{tag.Name}”, page {page} of {pages}";
        return (new TagViewModel(
            new PageInfo(title, $"{tag.Count} entries of the portfolio of {index.Site.Name} tagged {tag.Name}.", Section.Tags, url, "website",
                [JsonLd.Breadcrumbs([("Home", address.Absolute(SiteUrls.Home)), ("Tags", address.Absolute(SiteUrls.Tags)), (tag.Name, address.Absolute(SiteUrls.Tag(slug)))])]),
            tag,
            credentialCards,
            groupCards,
            new Pager(page, pages, page > 1 ? SiteUrls.Tag(slug, page - 1) : null, page < pages ? SiteUrls.Tag(slug, page + 1) : null),
            credentials.Count > 0), null);
    }

    public async Task<TimelineViewModel> TimelineAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        TimelineItem Item(IndexedEntry entry) => new(
            entry.Url, entry.Title, entry.Kind.DisplayName(), entry.Date,
            entry.Credential?.Issuer ?? entry.Credential?.Provider,
            index.ChildrenOf(entry.Id, EntryKind.Capstone).Select(c => c.ToEntryCard()).ToList());

        // Capstones are shown with their program; guide modules with their guide.
        var shown = index.Entries.Where(e => e.Kind is EntryKind.Program or EntryKind.Certification or EntryKind.Guide or EntryKind.CourseNote or EntryKind.Page).ToList();
        var inProgress = shown
            .Where(e => e.Credential?.Status == CredentialStatus.InPreparation || (e.Kind == EntryKind.Guide && e.Date is null))
            .OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
            .Select(e => e.Kind == EntryKind.Guide ? Item(e) with { Detail = GuideProgress(index, e) } : Item(e))
            .ToList();
        var years = shown
            .Where(e => e.Date is not null && e.Credential?.Status != CredentialStatus.InPreparation)
            .OrderByDescending(e => e.Date)
            .GroupBy(e => e.Date!.Value.Year)
            .Select(g => (g.Key, (IReadOnlyList<TimelineItem>)g.Select(Item).ToList()))
            .ToList();
        return new TimelineViewModel(
            new PageInfo("Timeline", $"What {index.Site.Name} learned, year by year.", Section.None, SiteUrls.Timeline),
            inProgress, years);
    }

    private static string GuideProgress(ContentIndex index, IndexedEntry guide)
    {
        var written = index.ChildrenOf(guide.Id, EntryKind.GuideModule).Count(m => m.Number is not null);
        return guide.PlannedModules is { } planned ? $"{written} of {planned} modules written" : Format.Count(written, "module") + " written";
    }

    public async Task<CvViewModel> CvAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var projects = index.Entries.Where(e => e.Kind == EntryKind.Capstone)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Order)
            .Select(e => new CvProject(e.Title, address.Absolute(e.Url), index.ParentOf(e)?.Title ?? "", e.Description, e.Tags))
            .ToList();
        return new CvViewModel(
            new PageInfo($"{index.Site.Name} · CV", $"The CV of {index.Site.Name}: credentials, projects and skills.", Section.None, SiteUrls.Cv, "profile"),
            index.Site,
            // On paper a link is only as good as its written-out address, so the CV links absolutely.
            index.Credentials.Select(e => e.ToCredentialCard(Today) with { Url = address.Absolute(e.Url) }).ToList(),
            projects,
            index.Entries.Where(e => e.Kind == EntryKind.Guide)
                .Select(e => e.ToEntryCard() with { Url = address.Absolute(e.Url), Description = GuideProgress(index, e) }).ToList(),
            index.Tags.Where(t => t.Count > 1).ToList(),
            address.Absolute(SiteUrls.Home));
    }

    public async Task<SearchViewModel> SearchAsync(string text, IReadOnlyList<string> tagParameters, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var tags = CredentialQuery.Normalize(tagParameters.Select(index.CanonicalTag));
        var hits = string.IsNullOrWhiteSpace(text) ? [] : SearchIndex.Search(db, text);
        var results = hits
            .Select(hit => (Hit: hit, Entry: index.ById.GetValueOrDefault(hit.EntryId)))
            .Where(r => r.Entry is not null && r.Entry.Kind != EntryKind.GuidePart && tags.All(r.Entry.HasTag))
            .Select(r => new SearchResult(r.Entry!.Url, Marked(r.Hit.Title), r.Entry.Kind, r.Entry.Kind.DisplayName(), Marked(r.Hit.Snippet), r.Entry.Tags))
            .ToList();

        string SearchUrl(IEnumerable<string> withTags) =>
            SiteUrls.Search + "?q=" + Uri.EscapeDataString(text) + string.Concat(withTags.Select(t => "&tag=" + Uri.EscapeDataString(t)));
        var chips = tags.Select(slug => new FilterChip(
            index.TagsBySlug.TryGetValue(slug, out var tag) ? tag.Name : slug, SearchUrl(tags.Where(t => t != slug)))).ToList();
        var title = string.IsNullOrWhiteSpace(text) ? "Search" : $"Search: {Shorten(text)}";
        return new SearchViewModel(
            new PageInfo(title, $"Search the learning portfolio of {index.Site.Name}.", Section.None),
            text, tags, chips, results);
    }

    /// <summary>Matched words between the index's marks become mark elements; everything else is encoded.</summary>
    private static HtmlString Marked(string text) => new(System.Net.WebUtility.HtmlEncode(text)
        .Replace(SearchIndex.MatchStart.ToString(), "<mark>", StringComparison.Ordinal)
        .Replace(SearchIndex.MatchEnd.ToString(), "</mark>", StringComparison.Ordinal));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    public static ErrorViewModel Error(int status)
    {
        var (title, message) = status switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("Bad request", "The address asks for something this site cannot answer."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            503 => ("Back in a moment", "The site is rebuilding its content. Please try again in a few seconds."),
            >= 500 => ("Something went wrong", "The page could not be shown. Please try again in a moment."),
            _ => ("Request not answered", "This request cannot be answered."),
        };
        return new ErrorViewModel(new PageInfo(title, message, Section.None), status, message);
    }

    private sealed record Body(Article Article, Dictionary<string, string> Facts, IReadOnlyList<TopicGroup> Topics);

    /// <summary>
    /// The rendered body of an entry, found by its key: ids change when a file is imported again, keys do not, so a
    /// request that meets the index of the last import and the database of the next one still finds the page.
    /// </summary>
    private async Task<Body> BodyAsync(IndexedEntry entry, CancellationToken cancellationToken)
    {
        var row = await BodyRowAsync(db, entry.Key, cancellationToken);
        // No row while the database is built again after a fault: the page is not shown half-empty (and cached so) but
        // answered 503, try again. No row otherwise: the entry went away with an import that began after this request;
        // a body that does not decode: a damaged file. Then the page shows what the index knows rather than failing.
        if (row is null && state.DatabaseProblem is not null)
        {
            throw new Infrastructure.DatabaseRebuildingException();
        }

        var content = row is null ? null : EntryBody.Decode(row.Data);
        var topics = (content?.Topics ?? []).OrderBy(t => t.Order)
            .GroupBy(t => t.Section)
            .Select(g => new TopicGroup(g.Key, g.First().SectionId, g.ToList()))
            .ToList();
        return new Body(
            new Article(entry.Title, entry.Label, entry.Description, entry.DescriptionIsExcerpt, content?.Html ?? "", content?.Toc ?? [], row?.WordCount ?? 0, entry.ReadingMinutes, entry.Date, entry.Tags),
            row?.Facts ?? [],
            topics);
    }

    private sealed record BodyRow(byte[] Data, int WordCount, Dictionary<string, string> Facts);

    private static Task<BodyRow?> BodyRowAsync(PortfolioDbContext db, string key, CancellationToken cancellationToken) =>
        db.Entries
            .Where(e => e.Key == key)
            .Join(db.EntryBodies, e => e.Id, b => b.EntryId, (e, b) => new BodyRow(b.Data, e.WordCount, e.Facts))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The breadcrumb trail of a page as schema.org data: home, the crumbs shown, and the page itself.</summary>
    private Dictionary<string, object?> Breadcrumbs(IEnumerable<Crumb> crumbs, IndexedEntry page) =>
        JsonLd.Breadcrumbs(crumbs.Select(c => (c.Title, address.Absolute(c.Url)))
            .Prepend(("Home", address.Absolute(SiteUrls.Home)))
            .Append((page.Title, address.Absolute(page.Url))));

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(entry))]
    private static Neighbour? Neighbour(IndexedEntry? entry) => entry is null ? null : new(entry.Url, entry.Title, entry.Label);

    private static void AddFact(List<Fact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(label, value));
        }
    }

    /// <summary>A credential's state as a visitor reads it.</summary>
    public static string StateName(CredentialState state) => state switch
    {
        CredentialState.Completed => "Completed",
        CredentialState.Active => "Active",
        CredentialState.ExpiringSoon => "Expiring soon",
        CredentialState.Expired => "Expired",
        _ => "In preparation",
    };

    private static string? FormatDate(DateTime? date) => date is { } value ? Format.Date(value) : null;
}
