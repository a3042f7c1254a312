namespace Portfolio.Content.Text;

/// <summary>How far apart two texts are, in single-character edits, for "did you mean …" suggestions.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The candidate closest to the value, ignoring case, when it is close enough to be a likely typo; else null. Close
    /// enough is an edit for every four characters of <paramref name="name"/> (the value itself unless given), at most
    /// three: "modle-2" finds "module-2", "b" finds only "B", "other" does not find "index".
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates, string? name = null)
    {
        var limit = Math.Min((name ?? value).Length / 4, 3);
        var lowered = value.ToLowerInvariant();
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - value.Length) >= bestDistance || candidate == value)
            {
                continue;
            }

            var distance = Between(lowered, candidate.ToLowerInvariant(), bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The Levenshtein distance, or <paramref name="stopAt"/> once it is known to be at least that.</summary>
    private static int Between(string a, string b, int stopAt)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum >= stopAt)
            {
                return stopAt;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
