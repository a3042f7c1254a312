using System.Text;
using System.Text.Json.Nodes;
using Portfolio.Content.Data;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Badges;

/// <summary>Each form an issuer hands a badge out in loads as a badge: Open Badges 3.0 JSON and JWTs, baked PNGs and SVGs, and 2.0 assertions.</summary>
public sealed class BadgeFormTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LoadedDocument Load(string path, string text) => Load(path, Encoding.UTF8.GetBytes(text));

    private LoadedDocument Load(string path, byte[] bytes) => TestBadges.Load(_folder, path, bytes);

    private static Entry Badge(LoadedDocument document)
    {
        Assert.False(document.Failed, string.Join('\n', document.Diagnostics));
        var entry = Assert.Single(document.Entries);
        Assert.Equal(EntryKind.Badge, entry.Kind);
        return entry;
    }

    private static byte[] FileOf(LoadedDocument document, string name) =>
        Assert.Single(document.FilesOf(document.Entries[0]), f => f.Name == name).Bytes;

    [Fact]
    public void An_open_badges_3_credential_in_json_loads_with_its_achievement_issuer_dates_pictures_criteria_and_evidence()
    {
        var json = TestBadges.Json(TestBadges.Version3());
        var document = Load("badges/data-wrangling.json", json);

        var badge = Badge(document);
        Assert.Empty(document.Diagnostics);
        Assert.Equal("data-wrangling", badge.Slug);
        Assert.Equal("/badges/data-wrangling", EntryUrls.Of(badge.Kind, badge.Slug, null));
        Assert.Equal("Data Wrangling", badge.Title);
        Assert.Equal("Cleans and reshapes messy data sets.", badge.Description);
        Assert.Equal(new DateTime(2024, 3, 5, 10, 0, 0), badge.Date);
        Assert.Equal("Example Academy", badge.Credential!.Issuer);
        Assert.Equal(CredentialStatus.Earned, badge.Credential.Status);
        Assert.Equal(new DateTime(2024, 3, 5, 10, 0, 0), badge.Credential.ValidFrom);
        Assert.Equal(new DateTime(2027, 3, 5, 10, 0, 0), badge.Credential.Expires);
        Assert.Equal("urn:uuid:5b6f0a52-3c1e-4a5e-9a53-0e7f7f1d2a10", badge.Credential.CredentialId);
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential in JSON", badge.Badge!.Format);
        Assert.Equal("Badge", badge.Badge.AchievementType);
        Assert.Equal("https://academy.example", badge.Badge.IssuerUrl);
        Assert.Equal("Ada Learner", badge.Badge.Recipient);
        Assert.Equal(["Pandas", "Data Cleaning", "Data Preparation"], document.TagNamesOf(badge));

        // The pictures are decoded from their data: URIs and stored (an SVG is no link preview); the original file is kept byte for byte.
        Assert.Equal("image.svg", badge.Badge.Image);
        Assert.Null(badge.Image);
        Assert.StartsWith("<svg", Encoding.UTF8.GetString(FileOf(document, "image.svg")), StringComparison.Ordinal);
        Assert.Equal("issuer.png", badge.Badge.IssuerImage);
        Assert.Equal(TestBadges.Png(), FileOf(document, "issuer.png"));
        Assert.Equal("download/data-wrangling.json", badge.Badge.Download);
        Assert.Equal(Encoding.UTF8.GetBytes(json), FileOf(document, "download/data-wrangling.json"));
        Assert.Equal("data-wrangling.json", badge.Badge.FileName);

        var html = document.BodyOf(badge).Html;
        Assert.Contains("<h2 id=\"criteria\">Criteria</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Complete the <strong>data wrangling</strong> project", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://github.com/ada/wrangling\" rel=\"noopener noreferrer\">See the evidence</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://framework.example/data-preparation\" rel=\"noopener noreferrer\">Data Preparation</a> (Example Skills Framework)", html, StringComparison.Ordinal);
        Assert.Contains("census", document.SearchBodyOf(badge), StringComparison.Ordinal);

        Assert.Equal(
            [("Structure", true), ("Dates", true), ("Signature", (bool?)null)],
            badge.Badge.Checks.Select(c => (c.What, c.Passed)));
        Assert.Equal("Not signed: the file carries no proof, so there is no signature to check.", badge.Badge.Checks[2].Detail);
    }

    [Fact]
    public void A_credential_of_data_model_1_1_with_a_text_issuer_and_a_picture_at_an_address_loads_without_fetching_the_picture()
    {
        var credential = TestBadges.Version3();
        credential["type"] = new JsonArray("VerifiableCredential", "AchievementCredential");
        credential.Remove("validFrom");
        credential.Remove("validUntil");
        credential["issuanceDate"] = "2023-01-10T00:00:00Z";
        credential["expirationDate"] = "2024-01-10T00:00:00Z";
        credential["issuer"] = "https://issuer.example/profile";
        credential["credentialSubject"]!["achievement"]!["image"] = "https://issuer.example/badge.png";

        var json = TestBadges.Json(credential);
        var document = Load("badges/old-model.json", json);

        var badge = Badge(document);
        Assert.Equal(new DateTime(2023, 1, 10), badge.Date);
        Assert.Equal(new DateTime(2023, 1, 10), badge.Credential!.ValidFrom);
        Assert.Equal(new DateTime(2024, 1, 10), badge.Credential.Expires);
        Assert.Equal("issuer.example", badge.Credential.Issuer);
        Assert.Equal("Open Badges 3.0 AchievementCredential in JSON", badge.Badge!.Format);
        Assert.Null(badge.Badge.Image);
        Assert.Equal("The issuer's picture of the badge is at issuer.example; the site does not fetch it, so it shows none.", badge.Badge.ImageNote);
        Assert.Equal(["download/old-model.json"], document.FilesOf(badge).Select(f => f.Name));
        var warning = Assert.Single(document.Diagnostics);
        var issuerLine = Array.FindIndex(json.Split('\n'), l => l.Contains("\"issuer\"", StringComparison.Ordinal)) + 1;
        Assert.Equal($"badges/old-model.json:{issuerLine}:3: warning: the issuer has no name: it is shown as issuer.example", warning.ToString());
    }

    [Fact]
    public void A_jwt_with_the_credential_in_its_vc_claim_loads_and_says_its_signature_and_issuer_key_were_not_checked()
    {
        var credential = TestBadges.Version3();
        credential.Remove("validFrom");
        var jwt = TestBadges.Jwt(new JsonObject { ["vc"] = credential, ["iss"] = "https://academy.example/issuer", ["nbf"] = 1709632800, ["jti"] = "urn:uuid:1" });

        var document = Load("badges/signed.jwt", jwt);

        var badge = Badge(document);
        Assert.Equal("Data Wrangling", badge.Title);
        Assert.Equal(new DateTime(2024, 3, 5, 10, 0, 0), badge.Date);
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential in a JWT", badge.Badge!.Format);
        var download = Assert.Single(document.FilesOf(badge), f => f.Name == "download/signed.jwt");
        Assert.Equal("application/jwt", download.ContentType);
        Assert.Equal(Encoding.UTF8.GetBytes(jwt), download.Bytes);
        Assert.Contains(new BadgeCheck("Signature", null, "Signed as a JWT (ES256): signature not checked."), badge.Badge.Checks);
        Assert.Contains(new BadgeCheck("Issuer key", null, "Issuer key not checked: needs the network."), badge.Badge.Checks);
    }

    [Fact]
    public void A_jwt_whose_payload_is_the_credential_itself_loads()
    {
        var payload = TestBadges.Version3();
        payload["iat"] = 1709632800;

        var badge = Badge(Load("badges/payload.jwt", TestBadges.Jwt(payload, "RS256")));

        Assert.Equal("Data Wrangling", badge.Title);
        Assert.Equal("Example Academy", badge.Credential!.Issuer);
        Assert.Contains(new BadgeCheck("Signature", null, "Signed as a JWT (RS256): signature not checked."), badge.Badge!.Checks);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_png_with_the_credential_in_an_itxt_chunk_loads_and_the_png_itself_is_its_picture(bool compressed)
    {
        var png = TestBadges.Png("openbadgecredential", TestBadges.Json(TestBadges.Version3()), compressed: compressed);

        var document = Load("badges/baked.png", png);

        var badge = Badge(document);
        Assert.Equal("Data Wrangling", badge.Title);
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential baked into a PNG image", badge.Badge!.Format);
        Assert.Equal("download/baked.png", badge.Badge.Image);
        Assert.Equal("/badges/baked/download/baked.png", badge.Image);
        var file = Assert.Single(document.FilesOf(badge), f => f.Name == "download/baked.png");
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(png, file.Bytes);
        Assert.DoesNotContain(document.FilesOf(badge), f => f.Name.StartsWith("image.", StringComparison.Ordinal));
        Assert.Contains(new BadgeCheck("Baked image", true, "Read from the PNG's iTXt chunk 'openbadgecredential' at byte 33; every chunk of the PNG is intact (its CRC matches)."), badge.Badge.Checks);
    }

    [Fact]
    public void A_png_with_a_jwt_baked_in_loads()
    {
        var badge = Badge(Load("badges/baked-jwt.png", TestBadges.Png("openbadgecredential", TestBadges.Jwt(new JsonObject { ["vc"] = TestBadges.Version3() }))));

        Assert.Equal("Open Badges 3.0 OpenBadgeCredential in a JWT baked into a PNG image", badge.Badge!.Format);
    }

    [Fact]
    public void A_png_baked_with_an_open_badges_2_assertion_loads()
    {
        var badge = Badge(Load("badges/sql.png", TestBadges.Png("openbadges", TestBadges.Json(TestBadges.Version2()))));

        Assert.Equal("SQL Basics", badge.Title);
        Assert.Equal("Badge School", badge.Credential!.Issuer);
        Assert.Equal("Open Badges 2.0 assertion baked into a PNG image", badge.Badge!.Format);
        Assert.Equal("download/sql.png", badge.Badge.Image);
    }

    [Fact]
    public void An_svg_with_the_credential_in_cdata_loads_and_points_a_warning_at_its_own_line_in_the_svg()
    {
        var credential = TestBadges.Version3();
        credential["issuer"]!.AsObject().Remove("name");
        var svg = TestBadges.Svg(json: TestBadges.Json(credential));

        var document = Load("badges/baked.svg", svg);

        var badge = Badge(document);
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential baked into an SVG image", badge.Badge!.Format);
        Assert.Equal("download/baked.svg", badge.Badge.Image);
        Assert.Equal("image/svg+xml", Assert.Single(document.FilesOf(badge), f => f.Name == "download/baked.svg").ContentType);
        var lines = svg.Split('\n');
        var issuerLine = Array.FindIndex(lines, l => l.Contains("\"issuer\"", StringComparison.Ordinal)) + 1;
        var warning = Assert.Single(document.Diagnostics);
        Assert.Equal($"badges/baked.svg:{issuerLine}:3: warning: the issuer has no name: it is shown as academy.example", warning.ToString());
    }

    [Fact]
    public void An_svg_with_a_jwt_in_the_verify_attribute_loads()
    {
        var jwt = TestBadges.Jwt(new JsonObject { ["vc"] = TestBadges.Version3() });

        var badge = Badge(Load("badges/baked-jwt.svg", TestBadges.Svg(jwt: jwt)));

        Assert.Equal("Data Wrangling", badge.Title);
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential in a JWT baked into an SVG image", badge.Badge!.Format);
    }

    [Fact]
    public void An_svg_with_an_open_badges_2_assertion_loads()
    {
        var svg = TestBadges.Svg(json: TestBadges.Json(TestBadges.Version2()), element: "assertion", ns: "http://openbadges.org");

        var badge = Badge(Load("badges/sql.svg", svg));

        Assert.Equal("SQL Basics", badge.Title);
        Assert.Equal("Open Badges 2.0 assertion baked into an SVG image", badge.Badge!.Format);
    }

    [Fact]
    public void An_open_badges_2_assertion_with_its_badge_class_and_issuer_embedded_loads()
    {
        var document = Load("badges/sql.json", TestBadges.Json(TestBadges.Version2()));

        var badge = Badge(document);
        Assert.Equal("SQL Basics", badge.Title);
        Assert.Equal("Writes queries that join, group and filter.", badge.Description);
        Assert.Equal(new DateTime(2023, 6, 1, 12, 0, 0), badge.Date);
        Assert.Equal("Badge School", badge.Credential!.Issuer);
        Assert.Equal("https://badges.example/assertions/42", badge.Credential.VerificationUrl);
        Assert.Equal("Open Badges 2.0 assertion in JSON", badge.Badge!.Format);
        Assert.Equal(["SQL"], document.TagNamesOf(badge));
        Assert.Contains("Pass the SQL quiz.", document.BodyOf(badge).Html, StringComparison.Ordinal);
        Assert.Contains(new BadgeCheck("Hosted copy", null, "The issuer keeps it at https://badges.example/assertions/42: not compared, that needs the network."), badge.Badge.Checks);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void An_open_badges_2_assertion_finds_its_badge_class_and_issuer_in_files_beside_it_by_relative_path()
    {
        _folder.Write("badges/sql/issuer.json", TestBadges.Json(TestBadges.Issuer()));
        _folder.Write("badges/sql/badgeclass.json", TestBadges.Json(TestBadges.BadgeClass("issuer.json")));
        var assertion = TestBadges.Version2();
        assertion["badge"] = "badgeclass.json";

        var document = Load("badges/sql/assertion.json", TestBadges.Json(assertion));

        var badge = Badge(document);
        Assert.Equal("SQL Basics", badge.Title);
        Assert.Equal("Badge School", badge.Credential!.Issuer);
        Assert.Equal("assertion", badge.Slug);
        Assert.Empty(document.Diagnostics);
        // The BadgeClass and Issuer are parts of the badge: they load without entries or problems of their own.
        var part = TestBadges.Load(_folder, "badges/sql/badgeclass.json");
        Assert.Empty(part.Entries);
        Assert.Empty(part.Diagnostics);
    }

    [Fact]
    public void An_open_badges_2_assertion_finds_its_badge_class_and_issuer_by_the_ids_of_json_files_in_badges()
    {
        _folder.Write("badges/parts/issuer.json", TestBadges.Json(TestBadges.Issuer()));
        _folder.Write("badges/parts/sql-class.json", TestBadges.Json(TestBadges.BadgeClass("https://badges.example/issuer")));
        var assertion = TestBadges.Version2();
        assertion["badge"] = "https://badges.example/classes/sql";

        var badge = Badge(Load("badges/sql.json", TestBadges.Json(assertion)));

        Assert.Equal("SQL Basics", badge.Title);
        Assert.Equal("Badge School", badge.Credential!.Issuer);
    }

    [Fact]
    public void An_assertion_whose_badge_class_is_at_an_address_no_file_has_loads_with_what_it_holds_and_a_warning()
    {
        var assertion = TestBadges.Version2();
        assertion["badge"] = "https://elsewhere.example/classes/sql.json";
        var json = TestBadges.Json(assertion);

        var document = Load("badges/sql-quiz.json", json);

        var badge = Badge(document);
        Assert.Equal("Sql quiz", badge.Title);
        Assert.Equal(new DateTime(2023, 6, 1, 12, 0, 0), badge.Date);
        Assert.Null(badge.Credential!.Issuer);
        var badgeLine = Array.FindIndex(json.Split('\n'), l => l.Contains("\"badge\"", StringComparison.Ordinal)) + 1;
        Assert.Contains($"badges/sql-quiz.json:{badgeLine}:3: warning: the BadgeClass at https://elsewhere.example/classes/sql.json is not fetched (the site reads no network) and no JSON file in badges/ has that id; put its JSON beside the assertion: the badge shows what the assertion holds",
            document.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(new BadgeCheck("Structure", false, "An Open Badges 2.0 assertion, but its BadgeClass (https://elsewhere.example/classes/sql.json) is not here."), badge.Badge!.Checks);
    }

    [Fact]
    public void A_sidecar_gives_a_badge_its_slug_title_and_tags_and_reports_the_fields_a_badge_file_gives()
    {
        _folder.Write("badges/data-wrangling.yml", "slug: wrangling\ntitle: Data Wrangling (Example Academy)\ntags: [Python]\ndate: 2020-01-01\n");

        var document = Load("badges/data-wrangling.json", TestBadges.Json(TestBadges.Version3()));

        var badge = Badge(document);
        Assert.Equal("wrangling", badge.Slug);
        Assert.Equal("Data Wrangling (Example Academy)", badge.Title);
        Assert.Equal(new DateTime(2024, 3, 5, 10, 0, 0), badge.Date);
        Assert.Equal(["Python", "Pandas", "Data Cleaning", "Data Preparation"], document.TagNamesOf(badge));
        Assert.Equal("badges/data-wrangling.yml:4:7: warning: 'date' is not read for a badge: its sidecar may set title, description, tags, slug, draft; the badge file gives the rest",
            Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void A_badge_whose_valid_from_is_later_than_its_issue_keeps_both()
    {
        var credential = TestBadges.Version3();
        credential["issuanceDate"] = "2024-01-01T00:00:00Z";
        credential["validFrom"] = "2030-01-01T00:00:00Z";
        credential["validUntil"] = "2031-01-01T00:00:00Z";

        var badge = Badge(Load("badges/later.json", TestBadges.Json(credential)));

        Assert.Equal(new DateTime(2024, 1, 1), badge.Date);
        Assert.Equal(new DateTime(2030, 1, 1), badge.Credential!.ValidFrom);
        Assert.Equal(CredentialState.NotYetValid, CredentialValidity.StateOn(new DateTime(2025, 1, 1), badge.Kind, badge.Title, badge.Date, badge.Credential));
    }
}
