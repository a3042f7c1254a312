using System.Diagnostics.CodeAnalysis;

namespace Portfolio.Content.Text;

/// <summary>Absolute http and https addresses: the only kind a page may link to or name as a web page.</summary>
public static class WebAddress
{
    /// <summary>Reads an absolute http or https address; anything else (a path, a urn:, a did:, a mailto:) is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? address)
    {
        address = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
        return address is not null;
    }

    /// <summary>True for an absolute http or https address.</summary>
    public static bool Is([NotNullWhen(true)] string? text) => TryParse(text, out _);
}
