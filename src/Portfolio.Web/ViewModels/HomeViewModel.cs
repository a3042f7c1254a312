using Portfolio.Content.Loading;

namespace Portfolio.Web.ViewModels;

/// <summary>The counts the home page highlights.</summary>
public sealed record Highlights(int Programs, int Capstones, int Certifications, int Modules, int Badges = 0);

/// <summary>The home page: who the owner is, what they learned, the latest credentials and the tags.</summary>
public sealed record HomeViewModel(
    PageInfo Page,
    SiteProfile Site,
    IReadOnlyList<string> Story,
    Highlights Highlights,
    IReadOnlyList<CredentialCard> Latest,
    IReadOnlyList<TagLink> Tags,
    bool IsEmpty) : IPageModel;
