using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portfolio.Content.Data;

namespace Portfolio.Web.Controllers;

/// <summary>
/// What a visitor filters entries by, read from the query string the same way for the credentials page, the search
/// page and the API: tags (<c>tag</c>, repeatable), all or any of them (<c>match</c>), a kind (<c>kind</c>) and words
/// (<c>q</c>). A query that breaks a rule or a limit is not bound, and the action answers 400.
/// </summary>
[ModelBinder(typeof(EntryFilterBinder))]
public sealed record EntryFilter(IReadOnlyList<string> Tags, bool MatchAny, EntryKind? Kind, string Text)
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 100;
    public const int MaxSearchLength = 1000;

    /// <summary>The rules, as the API states them in a 400 answer.</summary>
    public static readonly string Rules = "kind is one of program, capstone, course-note, certification, guide, guide-module (or all); match is all or any; "
        + $"at most {MaxTags} tags of {MaxTagLength} characters; q at most {MaxSearchLength} characters; kind, match and q at most once.";

    /// <summary>Reads a filter from a query string; null when it breaks a rule.</summary>
    public static EntryFilter? Read(IQueryCollection query)
    {
        if (query["kind"].Count > 1 || query["match"].Count > 1 || query["q"].Count > 1)
        {
            return null;
        }

        var tags = query["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        var match = query["match"].ToString().ToLowerInvariant();
        var kindText = query["kind"].ToString();
        var text = query["q"].ToString();
        EntryKind? kind = null;
        if (kindText.Length > 0 && !kindText.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (!EntryKinds.TryParseSlug(kindText, out var parsed) || parsed == EntryKind.GuidePart)
            {
                return null;
            }

            kind = parsed;
        }

        return tags.Count > MaxTags || tags.Exists(t => t.Length > MaxTagLength) || match is not ("" or "all" or "any") || text.Length > MaxSearchLength
            ? null
            : new EntryFilter(tags, match == "any", kind, text);
    }
}

/// <summary>Binds an <see cref="EntryFilter"/> from the query string; a query that breaks its rules leaves the model state invalid.</summary>
public sealed class EntryFilterBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        if (EntryFilter.Read(bindingContext.HttpContext.Request.Query) is { } filter)
        {
            bindingContext.Result = ModelBindingResult.Success(filter);
        }
        else
        {
            bindingContext.ModelState.AddModelError(bindingContext.ModelName, EntryFilter.Rules);
        }

        return Task.CompletedTask;
    }
}
