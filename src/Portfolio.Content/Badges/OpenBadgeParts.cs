using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>The parts Open Badges 3.0 and 2.0 write alike: alignments, evidence and pictures.</summary>
internal static class OpenBadgeParts
{
    /// <summary>The alignments at <paramref name="path"/> in their owner; one without a target name is reported and left out.</summary>
    public static IEnumerable<BadgeAlignment> Alignments(JsonElement owner, string path, Action<string?, string> warn)
    {
        var property = path[(path.LastIndexOf('.') + 1)..];
        var i = 0;
        foreach (var item in BadgeJson.Items(owner, property))
        {
            var name = BadgeJson.Text(item, "targetName");
            if (name is null)
            {
                warn($"{path}[{i}]", "an alignment without a 'targetName' is left out");
            }
            else
            {
                yield return new BadgeAlignment(name, BadgeJson.WebUrl(BadgeJson.Text(item, "targetUrl")), BadgeJson.Text(item, "targetFramework"), BadgeJson.Text(item, "targetCode"), BadgeJson.Text(item, "targetDescription"));
            }

            i++;
        }
    }

    /// <summary>The evidence: addresses, or objects with a name, narrative or id; anything else is reported and left out.</summary>
    public static IEnumerable<BadgeEvidence> Evidence(JsonElement root, Action<string?, string> warn)
    {
        if (!root.TryGetProperty("evidence", out var evidence))
        {
            yield break;
        }

        var items = evidence.ValueKind == JsonValueKind.Array ? evidence.EnumerateArray().ToList() : [evidence];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return new BadgeEvidence(null, BadgeJson.WebUrl(item.GetString()), null, null, null);
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                yield return new BadgeEvidence(BadgeJson.Text(item, "name"), BadgeJson.WebUrl(BadgeJson.Text(item, "id")), BadgeJson.Text(item, "narrative"), BadgeJson.Text(item, "description"), BadgeJson.Text(item, "genre"));
            }
            else
            {
                warn(evidence.ValueKind == JsonValueKind.Array ? $"evidence[{i}]" : "evidence", "evidence must be an address or an object with a name, narrative or id; this one is left out");
            }
        }
    }

    /// <summary>A picture named by its address or data: URI, or by an object with its id and caption; <paramref name="path"/> is where it is written.</summary>
    public static ImageReference? Image(JsonElement owner, string property, string path)
    {
        if (!owner.TryGetProperty(property, out var image))
        {
            return null;
        }

        return image.ValueKind switch
        {
            JsonValueKind.String when image.GetString() is { Length: > 0 } id => new ImageReference(id, null, path),
            JsonValueKind.Object when BadgeJson.Text(image, "id") is { } id => new ImageReference(id, BadgeJson.Text(image, "caption"), path + ".id"),
            _ => null,
        };
    }
}
