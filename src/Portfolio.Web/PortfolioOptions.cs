namespace Portfolio.Web;

/// <summary>The settings under "Portfolio" (environment: Portfolio__ContentPath and so on), checked by <see cref="PortfolioOptionsValidator"/>.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Portfolio";

    /// <summary>The content folder; a relative path is found from the working folder or the nearest folder above it that has it.</summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>The SQLite file; a relative path is taken from the folder that holds the content folder.</summary>
    public string DatabasePath { get; set; } = "data/portfolio.db";

    /// <summary>How large one content file may be, in megabytes; a larger one is reported, not read.</summary>
    public int MaxFileMegabytes { get; set; } = Content.Import.ContentImporter.DefaultMaxFileMegabytes;

    /// <summary>Show entries marked <c>draft: true</c>.</summary>
    public bool IncludeDrafts { get; set; }

    /// <summary>Re-import when files in the content folder change, without a restart.</summary>
    public bool WatchContent { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before it is re-imported.</summary>
    public int DebounceMilliseconds { get; set; } = 300;

    /// <summary>Also look for changes every so many seconds (0: never), for mounts that do not report changes.</summary>
    public int PollSeconds { get; set; }

    /// <summary>Check every so many seconds that the database file is still there and still a database (0: never); if not, it is built again from the content.</summary>
    public int DatabaseCheckSeconds { get; set; } = 5;

    /// <summary>The public address of the site (https://example.com) for canonical links, feeds and structured data; the request's own when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Redirect HTTP to HTTPS outside Development; switch off behind a proxy that terminates TLS and redirects itself (the container does). HSTS is sent on HTTPS answers either way.</summary>
    public bool HttpsRedirection { get; set; } = true;

    /// <summary>Addresses of the proxies whose X-Forwarded-* headers are believed; none by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (172.16.0.0/12) whose proxies' X-Forwarded-* headers are believed, for a proxy without a fixed address; none by default.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Searches a client may make a minute (the page and the API); 0 for no limit.</summary>
    public int SearchRequestsPerMinute { get; set; } = 120;

    /// <summary>How many days before its expiry a credential shows "expires in N days" and the calendar marks its renewal window.</summary>
    public int RenewalWindowDays { get; set; } = Content.Data.CredentialValidity.DefaultRenewalWindowDays;

    /// <summary>Serve /status/content with every content problem; null means only in Development.</summary>
    public bool? ContentStatusPage { get; set; }
}
