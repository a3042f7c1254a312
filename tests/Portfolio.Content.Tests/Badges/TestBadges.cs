using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Portfolio.Content.Import;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Badges;

/// <summary>Badges as issuers hand them out, made by the tests: Open Badges 3.0 and 2.0 JSON, JWTs, and PNGs and SVGs with a badge baked in.</summary>
internal static class TestBadges
{
    /// <summary>A 1×1 PNG picture, as a data: URI.</summary>
    public static string PngDataUri => "data:image/png;base64," + Convert.ToBase64String(Png());

    /// <summary>A small SVG picture, as a data: URI.</summary>
    public const string SvgDataUri = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxMCAxMCI+PGNpcmNsZSBjeD0iNSIgY3k9IjUiIHI9IjUiLz48L3N2Zz4=";

    /// <summary>An Open Badges 3.0 OpenBadgeCredential (data model 2.0 dates), with an achievement that has everything a page shows.</summary>
    public static JsonObject Version3() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:5b6f0a52-3c1e-4a5e-9a53-0e7f7f1d2a10",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = new JsonObject
        {
            ["id"] = "https://academy.example/issuer",
            ["type"] = new JsonArray("Profile"),
            ["name"] = "Example Academy",
            ["url"] = "https://academy.example",
            ["image"] = new JsonObject { ["id"] = PngDataUri, ["type"] = "Image" },
        },
        ["validFrom"] = "2024-03-05T10:00:00Z",
        ["validUntil"] = "2027-03-05T10:00:00Z",
        ["name"] = "Data Wrangling badge",
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("AchievementSubject"),
            ["name"] = "Ada Learner",
            ["achievement"] = new JsonObject
            {
                ["id"] = "https://academy.example/achievements/data-wrangling",
                ["type"] = new JsonArray("Achievement"),
                ["achievementType"] = "Badge",
                ["name"] = "Data Wrangling",
                ["description"] = "Cleans and reshapes messy data sets.",
                ["criteria"] = new JsonObject { ["narrative"] = "Complete the **data wrangling** project and pass its review." },
                ["image"] = new JsonObject { ["id"] = SvgDataUri, ["type"] = "Image", ["caption"] = "A circle" },
                ["tag"] = new JsonArray("Pandas", "Data Cleaning"),
                ["alignment"] = new JsonArray(new JsonObject
                {
                    ["type"] = new JsonArray("Alignment"),
                    ["targetName"] = "Data Preparation",
                    ["targetUrl"] = "https://framework.example/data-preparation",
                    ["targetFramework"] = "Example Skills Framework",
                }),
            },
        },
        ["evidence"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://github.com/ada/wrangling",
            ["type"] = new JsonArray("Evidence"),
            ["name"] = "Wrangling project",
            ["narrative"] = "The notebook that cleans the **census** data.",
        }),
    };

    /// <summary>An Open Badges 2.0 assertion with its BadgeClass and Issuer embedded.</summary>
    public static JsonObject Version2() => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Assertion",
        ["id"] = "https://badges.example/assertions/42",
        ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["identity"] = "sha256$0a1b" },
        ["issuedOn"] = "2023-06-01T12:00:00Z",
        ["verification"] = new JsonObject { ["type"] = "hosted" },
        ["badge"] = BadgeClass(Issuer()),
    };

    public static JsonObject BadgeClass(JsonNode issuer) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "BadgeClass",
        ["id"] = "https://badges.example/classes/sql",
        ["name"] = "SQL Basics",
        ["description"] = "Writes queries that join, group and filter.",
        ["image"] = "https://badges.example/classes/sql.png",
        ["criteria"] = new JsonObject { ["narrative"] = "Pass the SQL quiz." },
        ["tags"] = new JsonArray("SQL"),
        ["issuer"] = issuer,
    };

    public static JsonObject Issuer() => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Issuer",
        ["id"] = "https://badges.example/issuer",
        ["name"] = "Badge School",
        ["url"] = "https://badges.example",
    };

    public static string Json(JsonNode node) => node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>A compact JWT over a payload; its signature is made-up bytes, as the site does not check it.</summary>
    public static string Jwt(JsonObject payload, string algorithm = "ES256") =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{algorithm}}","typ":"JWT"}""")) + "."
        + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "."
        + Base64Url.EncodeToString(new byte[64]);

    /// <summary>A 1×1 PNG, with a text chunk of the given type, keyword and text before its pixels when given.</summary>
    public static byte[] Png(string? keyword = null, string? text = null, string chunkType = "iTXt", bool compressed = false) =>
        Portfolio.Tests.BakedPng.Of(keyword, text, chunkType, compressed);

    /// <summary>An SVG with a badge baked in: the JSON in CDATA, or a JWT in the verify attribute.</summary>
    public static string Svg(string? json = null, string? jwt = null, string element = "credential", string ns = "https://purl.imsglobal.org/ob/v3p0") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{ns}" viewBox="0 0 10 10">
          <openbadges:{element}{(jwt is null ? "" : $" verify=\"{jwt}\"")}>{(json is null ? "" : $"<![CDATA[\n{json}\n]]>")}</openbadges:{element}>
          <circle cx="5" cy="5" r="5" fill="teal"/>
        </svg>
        """;

    /// <summary>Writes a file into a test's content folder and loads it as the importer reads it.</summary>
    public static LoadedDocument Load(TempFolder folder, string path, byte[] bytes)
    {
        folder.Write(path, bytes);
        return Load(folder, path);
    }

    /// <summary>Loads a file of a test's content folder as the importer reads it: with its sidecar and the JSON files of badges/.</summary>
    public static LoadedDocument Load(TempFolder folder, string path)
    {
        var content = ContentFolder.Scan(folder.Content);
        var read = ContentFileReader.Read(content, path, 16 * 1024 * 1024);
        return read.Failure ?? ContentLoader.Load(read.File!, content.Contains);
    }
}
