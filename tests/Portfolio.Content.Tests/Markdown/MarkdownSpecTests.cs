using Portfolio.Content.Diagnostics;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Markdown;

/// <summary>Markdown in, HTML out, in the style of Markdig's own spec tests.</summary>
public sealed class MarkdownSpecTests
{
    internal static string Render(string markdown, params string[] existingFiles)
    {
        var document = ContentMarkdown.Parse(markdown);
        ContentMarkdown.Prepare(document, new LinkTargets("programs/p", existingFiles.Contains), new DiagnosticBag("programs/p/index.md"), 1);
        return Normalize(MarkdownHtml.Render(document));
    }

    private static string Normalize(string html) => html.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [Theory]
    [InlineData("## Capstone Projects", "<h2 id=\"capstone-projects\">Capstone Projects</h2>")]
    [InlineData("### Project 1: Computer Vision Pipeline", "<h3 id=\"project-1-computer-vision-pipeline\">Project 1: Computer Vision Pipeline</h3>")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>")]
    [InlineData("Visit www.example.com now", "<p>Visit <a href=\"http://www.example.com\" rel=\"noopener noreferrer\">www.example.com</a> now</p>")]
    [InlineData("- [x] done\n- [ ] todo", "<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" aria-label=\"Done\" /> done</li>\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" aria-label=\"Not done\" /> todo</li>\n</ul>")]
    [InlineData("~~gone~~ and ==marked==", "<p><del>gone</del> and <mark>marked</mark></p>")]
    [InlineData("H~2~O and 2^10^", "<p>H<sub>2</sub>O and 2<sup>10</sup></p>")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("Hello <b onclick=\"x()\">bold</b>", "<p>Hello &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;</p>")]
    [InlineData("<div>\nblock\n</div>", "<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>")]
    [InlineData("[site](https://example.com)", "<p><a href=\"https://example.com\" rel=\"noopener noreferrer\">site</a></p>")]
    [InlineData("[mail](mailto:me@example.com)", "<p><a href=\"mailto:me@example.com\" rel=\"noopener noreferrer\">mail</a></p>")]
    [InlineData("[top](#program-overview)", "<p><a href=\"#program-overview\">top</a></p>")]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "<p>click</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("![pixel](data:image/png;base64,AAAA)", "<p><span class=\"image-missing\">Image not available: pixel</span></p>")]
    [InlineData("![Segmentation_Example](figs/missing.png)", "<p><span class=\"image-missing\">Image not available: Segmentation Example</span></p>")]
    [InlineData("![Chart](figs/chart.png)", "<p><img src=\"/media/programs/p/figs/chart.png\" alt=\"Chart\" /></p>")]
    [InlineData("![Logo](../../shared/logo%20big.png#x)", "<p><img src=\"/media/shared/logo%20big.png#x\" alt=\"Logo\" /></p>")]
    [InlineData("[slides](missing.pdf)", "<p>slides</p>")]
    [InlineData("    1. One. First\n\n    2. Two", "<ol>\n<li><p>One. First</p>\n</li>\n<li><p>Two</p>\n</li>\n</ol>")]
    [InlineData("    3. Three", "<ol start=\"3\">\n<li>Three</li>\n</ol>")]
    [InlineData("    var x = 1;\n    return x;", "<pre tabindex=\"0\"><code>var x = 1;\nreturn x;\n</code></pre>")]
    [InlineData("```python\nprint(1)\n```", "<pre tabindex=\"0\"><code class=\"language-python\"><span class=\"tok-keyword\">print</span>(<span class=\"tok-number\">1</span>)\n</code></pre>")]
    public void Markdown_renders_to_the_expected_html(string markdown, string html) =>
        Assert.Equal(html, Render(markdown, "programs/p/figs/chart.png", "shared/logo big.png"));

    [Fact]
    public void Words_are_counted_in_text_and_code_but_not_in_markup()
    {
        var document = ContentMarkdown.Parse("# A title\n\nSome **bold** words, and `code` — here.\n\n    two words\n");

        Assert.Equal(2 + 6 + 2, PlainText.CountWords(PlainText.Of(document)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(220, 1)]
    [InlineData(221, 2)]
    [InlineData(1000, 5)]
    public void Reading_time_is_220_words_a_minute_rounded_up(int words, int minutes) =>
        Assert.Equal(minutes, PlainText.ReadingMinutes(words));
}
