using Portfolio.Content.Text;

namespace Portfolio.Content.Tests.Text;

/// <summary>Only absolute http and https addresses are web addresses.</summary>
public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://example.com/badge", true)]
    [InlineData("http://example.com", true)]
    [InlineData("HTTPS://EXAMPLE.COM/x", true)]
    [InlineData("/badges/x", false)]
    [InlineData("badges/x.json", false)]
    [InlineData("urn:uuid:7f1c", false)]
    [InlineData("did:web:example.com", false)]
    [InlineData("mailto:me@example.com", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_and_https_addresses_are_web_addresses(string? text, bool expected)
    {
        Assert.Equal(expected, WebAddress.Is(text));
        Assert.Equal(expected, WebAddress.TryParse(text, out var address) && address.IsAbsoluteUri);
    }
}
