using System.Net;
using System.Text.RegularExpressions;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Markdown;

/// <summary>Fenced code coloured at import by ColorCode, as classes that site.css colours; other code as Markdig writes it.</summary>
public sealed partial class HighlightedCodeTests
{
    private static string Fence(string language, string code) => $"```{language}\n{code}\n```";

    [Theory]
    [InlineData("python", "def area(r):\n    return r ** 2  # \"pi\"",
        "<span class=\"tok-keyword\">def</span> area(r):\n    <span class=\"tok-keyword\">return</span> r ** <span class=\"tok-number\">2</span>  <span class=\"tok-comment\"># &quot;pi&quot;</span>")]
    [InlineData("py", "import os", "<span class=\"tok-keyword\">import</span> os")]
    [InlineData("Python", "pass", "<span class=\"tok-keyword\">pass</span>")]
    [InlineData("csharp", "sealed class A { string B = \"b\"; } // note",
        "<span class=\"tok-keyword\">sealed</span> <span class=\"tok-keyword\">class</span> A { <span class=\"tok-keyword\">string</span> B = <span class=\"tok-string\">&quot;b&quot;</span>; } <span class=\"tok-comment\">// note</span>")]
    [InlineData("cs", "var x = 1;", "<span class=\"tok-keyword\">var</span> x = <span class=\"tok-number\">1</span>;")]
    [InlineData("c#", "int x;", "<span class=\"tok-keyword\">int</span> x;")]
    [InlineData("js", "const n = 42; // answer", "<span class=\"tok-keyword\">const</span> n = 42; <span class=\"tok-comment\">// answer</span>")]
    [InlineData("javascript", "var s = \"a\";", "<span class=\"tok-keyword\">var</span> s = <span class=\"tok-string\">&quot;a&quot;</span>;")]
    [InlineData("ts", "let n: number = 1;", "let n: <span class=\"tok-keyword\">number</span> = 1;")]
    [InlineData("typescript", "interface A {}", "<span class=\"tok-keyword\">interface</span> A {}")]
    [InlineData("sql", "SELECT COUNT(*) FROM entries WHERE kind = 'guide';",
        "<span class=\"tok-keyword\">SELECT</span> <span class=\"tok-function\">COUNT</span>(*) <span class=\"tok-keyword\">FROM</span> entries <span class=\"tok-keyword\">WHERE</span> kind = <span class=\"tok-string\">&#39;guide&#39;</span>;")]
    [InlineData("json", "{\"name\": \"x\", \"n\": 1, \"ok\": true}",
        "{<span class=\"tok-attr\">&quot;name&quot;</span>: <span class=\"tok-string\">&quot;x&quot;</span>, <span class=\"tok-attr\">&quot;n&quot;</span>: <span class=\"tok-number\">1</span>, <span class=\"tok-attr\">&quot;ok&quot;</span>: <span class=\"tok-number\">true</span>}")]
    [InlineData("pwsh", "Write-Host $name", "<span class=\"tok-function\">Write-Host</span> <span class=\"tok-variable\">$name</span>")]
    [InlineData("xml", "<entry kind=\"guide\"/>",
        "<span>&lt;</span><span class=\"tok-tag\">entry</span> <span class=\"tok-attr\">kind</span><span>=</span><span>&quot;</span><span class=\"tok-string\">guide</span><span>&quot;</span><span>/&gt;</span>")]
    [InlineData("css", "pre { color: red; }", "<span class=\"tok-tag\">pre </span>{ <span class=\"tok-attr\">color</span>: <span class=\"tok-string\">red</span>; }")]
    [InlineData("java", "public class A {}", "<span class=\"tok-keyword\">public</span> <span class=\"tok-keyword\">class</span> A {}")]
    [InlineData("cpp", "int main() { return 0; }", "<span class=\"tok-keyword\">int</span> main() { <span class=\"tok-keyword\">return</span> 0; }")]
    public void Code_in_a_language_ColorCode_knows_is_coloured_by_classes(string language, string code, string tokens) =>
        Assert.Equal($"<pre tabindex=\"0\"><code class=\"language-{language}\">{tokens}\n</code></pre>", MarkdownSpecTests.Render(Fence(language, code)));

    [Theory]
    // ColorCode has no shell or YAML grammar, and none for a made-up name: the code is escaped text, as Markdig writes it.
    [InlineData("bash")]
    [InlineData("sh")]
    [InlineData("shell")]
    [InlineData("yaml")]
    [InlineData("yml")]
    [InlineData("text")]
    [InlineData("no-such-language")]
    public void Code_in_a_language_ColorCode_does_not_know_is_plain_escaped_text(string language) =>
        Assert.Equal(
            $"<pre tabindex=\"0\"><code class=\"language-{language}\">echo &quot;&lt;b&gt;&quot; &amp;&amp; exit\n</code></pre>",
            MarkdownSpecTests.Render(Fence(language, "echo \"<b>\" && exit")));

    [Theory]
    [InlineData("```\necho \"<b>\"\n```")]
    [InlineData("    echo \"<b>\"")]
    public void Code_without_a_language_is_plain_escaped_text(string markdown) =>
        Assert.Equal("<pre tabindex=\"0\"><code>echo &quot;&lt;b&gt;&quot;\n</code></pre>", MarkdownSpecTests.Render(markdown));

    [Fact]
    public void An_empty_fence_in_a_known_language_is_an_empty_code_block() =>
        Assert.Equal("<pre tabindex=\"0\"><code class=\"language-python\"></code></pre>", MarkdownSpecTests.Render("```python\n```"));

    [Fact]
    public void A_document_colours_code_up_to_its_budget_and_shows_the_rest_plain()
    {
        var block = Fence("python", string.Join('\n', Enumerable.Repeat("pass  # fill", (CodeBlocks.MaxCharsPerDocument / 2 / 13) + 1)));

        var html = MarkdownSpecTests.Render($"{block}\n\n{block}\n\n```python\npass\n```");

        var blocks = html.Split("<pre ");
        Assert.Equal(4, blocks.Length);
        Assert.Contains("tok-keyword", blocks[1]);
        Assert.DoesNotContain("tok-", blocks[2]);
        Assert.Contains("tok-keyword", blocks[3]);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("csharp")]
    [InlineData("javascript")]
    [InlineData("typescript")]
    [InlineData("sql")]
    [InlineData("json")]
    [InlineData("powershell")]
    [InlineData("html")]
    [InlineData("xml")]
    [InlineData("css")]
    [InlineData("java")]
    [InlineData("cpp")]
    [InlineData("fsharp")]
    [InlineData("haskell")]
    [InlineData("php")]
    [InlineData("markdown")]
    public void Colouring_keeps_every_character_of_the_code(string language)
    {
        const string Code = "/* <tag a=\"1\"> & 'x' */ if (a < b && c > d) { return \"é\\n\"; } // 😀 — done\n\tx = [1, 2.5e3]; # end";

        var html = MarkdownSpecTests.Render(Fence(language, Code));

        Assert.Contains("<span class=\"tok-", html);
        Assert.Equal(Code + "\n", WebUtility.HtmlDecode(Tags().Replace(html, "")));
    }

    [Fact]
    public void Pages_rendered_on_many_threads_at_once_are_the_pages_rendered_one_by_one()
    {
        string[] languages = ["python", "csharp", "js", "sql", "json", "xml", "css", "bash", "ts", "java"];
        var pages = Enumerable.Range(0, 48)
            .Select(i => string.Join("\n\n", Enumerable.Range(0, 5).Select(j => Fence(languages[(i + j) % languages.Length], LongCode(i, j)))))
            .ToList();
        var oneByOne = pages.Select(p => MarkdownSpecTests.Render(p)).ToList();

        var atOnce = new string[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => atOnce[i] = MarkdownSpecTests.Render(pages[i]));

        Assert.Equal(oneByOne, atOnce);
        Assert.All(oneByOne.Where((_, i) => !pages[i].StartsWith("```bash", StringComparison.Ordinal)), p => Assert.Contains("tok-", p));
    }

    /// <summary>Long enough that two threads are inside the formatter at the same time.</summary>
    private static string LongCode(int page, int block) =>
        string.Join('\n', Enumerable.Range(0, 60).Select(line => $"var x{page} = \"{block}\"; // {line}\nreturn x{page} < {block};"));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
