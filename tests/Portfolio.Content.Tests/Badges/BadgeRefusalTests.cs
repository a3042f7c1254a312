using System.Text;
using System.Text.Json.Nodes;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Badges;

/// <summary>What is not a badge is refused with an error that says why, at its line and column; a badge with a flaw still loads with a warning.</summary>
public sealed class BadgeRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LoadedDocument Load(string path, string text) => Load(path, Encoding.UTF8.GetBytes(text));

    private LoadedDocument Load(string path, byte[] bytes) => TestBadges.Load(_folder, path, bytes);

    private static string Refusal(LoadedDocument document)
    {
        Assert.True(document.Failed);
        Assert.Empty(document.Entries);
        return Assert.Single(document.Diagnostics, d => d.IsError).ToString();
    }

    [Fact]
    public void An_endorsement_credential_is_refused_at_its_type()
    {
        var endorsement = TestBadges.Version3();
        endorsement["type"] = new JsonArray("VerifiableCredential", "EndorsementCredential");
        var json = TestBadges.Json(endorsement);
        var typeLine = Array.FindIndex(json.Split('\n'), l => l.Contains("\"type\"", StringComparison.Ordinal)) + 1;

        Assert.Equal(
            $"badges/endorsement.json:{typeLine}:3: error: this is an EndorsementCredential: it endorses an issuer or an achievement, it is not a badge awarded to you, so it is not shown; keep it out of badges/",
            Refusal(Load("badges/endorsement.json", json)));
    }

    [Fact]
    public void Json_that_is_not_a_badge_is_refused()
    {
        Assert.Equal(
            "badges/notes.json:1:1: error: the JSON is not an Open Badge: it has no 'type' (an Open Badges 3.0 credential's names OpenBadgeCredential; a 2.0 assertion's is Assertion)",
            Refusal(Load("badges/notes.json", """{ "name": "My notes" }""")));
    }

    [Fact]
    public void A_verifiable_credential_that_is_not_an_open_badge_is_refused()
    {
        Assert.Contains(
            "error: this Verifiable Credential is not an Open Badge: its type (VerifiableCredential, UniversityDegreeCredential) names neither OpenBadgeCredential nor AchievementCredential",
            Refusal(Load("badges/degree.json", """{ "type": ["VerifiableCredential", "UniversityDegreeCredential"] }""")), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_refused_at_the_line_and_column_system_text_json_stopped_at()
    {
        var refusal = Refusal(Load("badges/broken.json", "{\n  \"type\": \"OpenBadgeCredential\",\n  \"name\": ,\n}\n"));

        Assert.StartsWith("badges/broken.json:3:11: error: the JSON is malformed: ", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_without_a_badge_chunk_is_refused()
    {
        Assert.Equal(
            "badges/logo.png:1:1: error: the PNG holds no Open Badges credential: it has no iTXt chunk with the keyword 'openbadgecredential' (Open Badges 3.0) or 'openbadges' (2.0); bake the credential into it, or put the credential's JSON in badges/ instead",
            Refusal(Load("badges/logo.png", TestBadges.Png("Software", "an editor"))));
    }

    [Fact]
    public void A_png_with_a_damaged_chunk_is_refused()
    {
        var png = TestBadges.Png("openbadgecredential", TestBadges.Json(TestBadges.Version3()));
        png[60] ^= 0xFF;

        Assert.Matches(@"^badges/damaged\.png:1:1: error: the PNG's '\w{4}' chunk at byte \d+ is damaged: its CRC does not match its bytes$", Refusal(Load("badges/damaged.png", png)));
    }

    [Fact]
    public void A_png_cut_short_is_refused()
    {
        var png = TestBadges.Png("openbadgecredential", TestBadges.Json(TestBadges.Version3()));

        Assert.Contains("the file is cut short", Refusal(Load("badges/cut.png", png[..(png.Length / 2)])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eyJhbGciOiJub25lIn0.e30", "the JWT has 2 parts; a compact JWT has three (header.payload.signature) separated by dots")]
    [InlineData("eyJhbGciOiJub25lIn0.!!!.c2ln", "the JWT's payload is not base64url")]
    [InlineData("eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln", "the JWT's payload is not JSON: ")]
    [InlineData("a.b.c.d.e", "the JWT is encrypted (JWE, five parts)")]
    public void A_broken_jwt_is_refused_with_what_is_wrong(string jwt, string message) =>
        Assert.Contains("badges/broken.jwt:1:1: error: " + message, Refusal(Load("badges/broken.jwt", jwt)), StringComparison.Ordinal);

    [Fact]
    public void A_badge_over_2_mb_is_refused_before_it_is_read()
    {
        var credential = TestBadges.Version3();
        credential["description"] = new string('x', 2 * 1024 * 1024);

        Assert.Equal(
            "badges/huge.json:1:1: error: the badge file is 2.0 MB; a badge may be at most 2 MB (issuers' badges are a few kilobytes): is it the right file?",
            Refusal(Load("badges/huge.json", TestBadges.Json(credential))));
    }

    [Fact]
    public void An_svg_without_a_badge_element_is_refused()
    {
        Assert.Contains(
            "badges/logo.svg:1:1: error: the SVG holds no Open Badges credential",
            Refusal(Load("badges/logo.svg", """<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>""")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_that_defines_entities_is_refused_without_expanding_them()
    {
        var svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&b;</openbadges:credential></svg>
            """;

        Assert.Contains("error: the SVG is not well-formed XML: ", Refusal(Load("badges/entities.svg", svg)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_that_only_points_at_a_hosted_assertion_is_refused_as_it_is_not_fetched()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://badges.example/a/1"/></svg>""";

        Assert.Contains("only points at a hosted assertion (https://badges.example/a/1), which is not fetched", Refusal(Load("badges/hosted.svg", svg)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_badge_class_baked_into_a_png_is_refused_as_it_is_not_a_badge_awarded()
    {
        var png = TestBadges.Png("openbadges", TestBadges.Json(TestBadges.BadgeClass(TestBadges.Issuer())));

        Assert.Contains("holds part of an Open Badges 2.0 badge (a BadgeClass or an Issuer), not a badge awarded to you", Refusal(Load("badges/class.png", png)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_whose_bytes_are_not_what_its_data_uri_says_is_left_out_with_a_warning()
    {
        var credential = TestBadges.Version3();
        credential["credentialSubject"]!["achievement"]!["image"] = "data:image/png;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("<script>alert(1)</script>"));

        var document = Load("badges/odd-picture.json", TestBadges.Json(credential));

        Assert.False(document.Failed);
        Assert.Null(document.Entries[0].Badge!.Image);
        Assert.DoesNotContain(document.FilesOf(document.Entries[0]), f => f.Name.StartsWith("image", StringComparison.Ordinal));
        Assert.Contains("warning: the badge's picture is not shown: its bytes are not a PNG picture, as its type 'image/png' says", Assert.Single(document.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_left_out_with_a_warning_at_it()
    {
        var credential = TestBadges.Version3();
        credential["validUntil"] = "next spring";
        var json = TestBadges.Json(credential);
        var line = Array.FindIndex(json.Split('\n'), l => l.Contains("\"validUntil\"", StringComparison.Ordinal)) + 1;

        var document = Load("badges/dates.json", json);

        Assert.False(document.Failed);
        Assert.Null(document.Entries[0].Credential!.Expires);
        Assert.Equal($"badges/dates.json:{line}:3: warning: 'validUntil' must be a date and time like 2024-03-05T14:30:00Z; got \"next spring\": it is left out",
            Assert.Single(document.Diagnostics).ToString());
    }
}
