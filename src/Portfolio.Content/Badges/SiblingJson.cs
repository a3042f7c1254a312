using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>A JSON file of badges/ that another file may name, found by its relative path or by its id.</summary>
internal sealed record SiblingJson(string Path, JsonElement Root);
