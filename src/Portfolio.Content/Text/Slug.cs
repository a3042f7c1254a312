using System.Globalization;
using System.Text;

namespace Portfolio.Content.Text;

/// <summary>Turns titles and file names into URL slugs: lower-case letters, digits and single hyphens.</summary>
public static class Slug
{
    /// <summary>The slug of a text, or an empty string when it has no letters or digits.</summary>
    public static string From(string text) => Build(text, symbolWords: false);

    /// <summary>True when the text is already a slug.</summary>
    public static bool IsValid(string text) => text.Length > 0 && From(text) == text;

    /// <summary>A title made of a slug, for an entry that gives none: "data-wrangling" is "Data wrangling".</summary>
    public static string ToTitle(string slug) =>
        slug.Length == 0 ? slug : char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');

    /// <summary>Slugs for tags keep symbols that carry meaning readable: C# becomes c-sharp, C++ c-plus-plus, .NET dotnet.</summary>
    internal static string Build(string text, bool symbolWords)
    {
        var normalized = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length + 8);
        var pendingHyphen = false;

        void Append(string word)
        {
            if (pendingHyphen && builder.Length > 0)
            {
                builder.Append('-');
            }

            pendingHyphen = false;
            builder.Append(word);
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                Append(char.ToLowerInvariant(c).ToString());
                continue;
            }

            if (symbolWords)
            {
                switch (c)
                {
                    case '#':
                        pendingHyphen = true;
                        Append("sharp");
                        pendingHyphen = true;
                        continue;
                    case '+':
                        pendingHyphen = true;
                        Append("plus");
                        pendingHyphen = true;
                        continue;
                    // ".NET" reads as "dotnet"; the dot inside "Node.js" is only a separator.
                    case '.' when i + 1 < normalized.Length && char.IsLetter(normalized[i + 1])
                                  && (i == 0 || !char.IsLetterOrDigit(normalized[i - 1])):
                        Append("dot");
                        continue;
                }
            }

            pendingHyphen = true;
        }

        return builder.ToString();
    }
}
