using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>A guide's page, its parts and modules in book order, and each module's page.</summary>
public sealed class GuidePages(ContentIndexProvider indexes, EntryBodies bodies, SiteAddress address)
{
    public async Task<GuideViewModel?> GuideAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Guide, slug) is not { } guide)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, guide, cancellationToken);
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
        var preparesFor = index.Entries.Where(e => e.Credential?.GuideId == guide.Id).Select(e => PageParts.Neighbour(e)).ToList();
        return new GuideViewModel(
            new PageInfo(guide.Title, guide.Description, Section.Guides, guide.Url, "article",
                [JsonLd.Course(guide, address.Absolute(guide.Url), null, body.Article.Authors.Count > 0 ? body.Article.Authors : [index.Site.Name],
                    modules.Select(m => (m.Label is null ? m.Title : $"{m.Label}: {m.Title}", address.Absolute(m.Url))))],
                body.Image),
            body.Article,
            parts,
            modules.Count(m => m.Number is not null),
            guide.PlannedModules,
            modules.Sum(m => m.ReadingMinutes),
            guide.Tasks,
            preparesFor);
    }

    public async Task<ModuleViewModel?> ModuleAsync(string guideSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.GuideModule, slug, guideSlug) is not { } module || index.ParentOf(module) is not { } guide)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, module, cancellationToken);
        var chapters = index.ChildrenOf(guide.Id, EntryKind.GuideModule).ToList();
        var (previous, next) = index.NeighboursOf(module);
        var position = module.Number is { } number
            ? $"Module {number} of {Math.Max(guide.PlannedModules ?? 0, chapters.Count(c => c.Number is not null))}"
            : $"Chapter {chapters.FindIndex(c => c.Id == module.Id) + 1} of {chapters.Count}";
        var label = module.Label is null ? "" : $"{module.Label}: ";
        return new ModuleViewModel(
            new PageInfo($"{label}{module.Title} · {guide.Title}", module.Description, Section.Guides, module.Url, "article",
                [PageParts.Breadcrumbs(address, [new Crumb("Guides", SiteUrls.Guides), new Crumb(guide.Title, guide.Url)], module)],
                body.Image),
            body.Article,
            [new Crumb("Guides", SiteUrls.Guides), new Crumb(guide.Title, guide.Url)],
            position,
            PageParts.Neighbour(previous),
            PageParts.Neighbour(next),
            guide.Url,
            guide.Title,
            module.Tasks);
    }
}
