using Microsoft.Extensions.Primitives;

namespace Portfolio.Web.Infrastructure;

/// <summary>What the site accepts in a query string; anything else is a 400, never a 500.</summary>
public static class QueryLimits
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 100;
    public const int MaxSearchLength = 1000;

    /// <summary>The non-empty tag parameters, or null when there are too many or one is too long.</summary>
    public static List<string>? Tags(StringValues values)
    {
        var tags = values.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        return tags.Count > MaxTags || tags.Exists(t => t.Length > MaxTagLength) ? null : tags;
    }

    /// <summary>True when a parameter that takes one value was given more than once.</summary>
    public static bool Repeated(IQueryCollection query, params string[] names) => names.Any(n => query[n].Count > 1);
}
