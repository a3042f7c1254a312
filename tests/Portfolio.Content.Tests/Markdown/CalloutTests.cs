using System.Text.RegularExpressions;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Markdown;

/// <summary>GitHub's alerts and Obsidian's callouts, Markdown in, HTML out (icons aside: one test looks at them).</summary>
public sealed partial class CalloutTests
{
    private static string Render(string markdown) => Icon().Replace(MarkdownSpecTests.Render(markdown), "<svg/>");

    [Theory]
    [InlineData("NOTE", "note", "Note")]
    [InlineData("TIP", "tip", "Tip")]
    [InlineData("IMPORTANT", "important", "Important")]
    [InlineData("WARNING", "warning", "Warning")]
    [InlineData("CAUTION", "caution", "Caution")]
    public void Each_of_GitHubs_alerts_is_a_box_of_its_look_titled_with_its_name(string type, string look, string label) =>
        Assert.Equal(
            $"<div class=\"markdown-alert markdown-alert-{look}\">\n<p class=\"markdown-alert-title\"><svg/>{label}</p>\n<p>Read this.</p>\n</div>",
            Render($"> [!{type}]\n> Read this."));

    [Theory]
    // GitHub's form in Obsidian's lower case, and with the text after a blank quote line (no empty paragraph is left).
    [InlineData("> [!note]\n> Read this.", "<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\"><svg/>Note</p>\n<p>Read this.</p>\n</div>")]
    [InlineData("> [!TIP]\n>\n> Read this.", "<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\"><svg/>Tip</p>\n<p>Read this.</p>\n</div>")]
    // Obsidian's title: shown instead of the type, which a screen reader still hears first.
    [InlineData("> [!tip] Sleep before the exam\n> Really.", "<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">Tip: </span>Sleep before the exam</p>\n<p>Really.</p>\n</div>")]
    [InlineData("> [!warning] A <b> & \"quotes\"  \n> Text", "<div class=\"markdown-alert markdown-alert-warning\">\n<p class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">Warning: </span>A &lt;b&gt; &amp; &quot;quotes&quot;</p>\n<p>Text</p>\n</div>")]
    // Foldable: "-" folded, "+" open, with or without a title.
    [InlineData("> [!note]- Worked example\n> Hidden at first.", "<details class=\"markdown-alert markdown-alert-note\">\n<summary class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">Note: </span>Worked example</summary>\n<p>Hidden at first.</p>\n</details>")]
    [InlineData("> [!note]+ Worked example\n> Shown at first.", "<details class=\"markdown-alert markdown-alert-note\" open>\n<summary class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">Note: </span>Worked example</summary>\n<p>Shown at first.</p>\n</details>")]
    [InlineData("> [!IMPORTANT]-\n> Hidden at first.", "<details class=\"markdown-alert markdown-alert-important\">\n<summary class=\"markdown-alert-title\"><svg/>Important</summary>\n<p>Hidden at first.</p>\n</details>")]
    [InlineData("> [!faq]- Are callouts foldable?\n> Yes.\n>\n> - [x] even with lists", "<details class=\"markdown-alert markdown-alert-note\">\n<summary class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">Faq: </span>Are callouts foldable?</summary>\n<p>Yes.</p>\n<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" aria-label=\"Done\" /> even with lists</li>\n</ul>\n</details>")]
    // Obsidian's other types take the closest of the five looks and keep their own name.
    [InlineData("> [!danger]\n> Hot.", "<div class=\"markdown-alert markdown-alert-caution\">\n<p class=\"markdown-alert-title\"><svg/>Danger</p>\n<p>Hot.</p>\n</div>")]
    [InlineData("> [!success]\n> Done.", "<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\"><svg/>Success</p>\n<p>Done.</p>\n</div>")]
    // A type nobody defines looks like a note and is called by its name, as Obsidian does.
    [InlineData("> [!FOO]\n> Text", "<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\"><svg/>Foo</p>\n<p>Text</p>\n</div>")]
    [InlineData("> [!my-type] Custom\n> Text", "<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\"><svg/><span class=\"visually-hidden\">My-type: </span>Custom</p>\n<p>Text</p>\n</div>")]
    public void Callouts_render_as_GitHub_and_Obsidian_show_them(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Theory]
    // Inside a list, no space before the title, an empty type, outside a quote: text as written.
    [InlineData("- > [!NOTE]\n  > Text", "<ul>\n<li>\n<blockquote>\n<p>[!NOTE]\nText</p>\n</blockquote>\n</li>\n</ul>")]
    [InlineData("> [!note]-Title\n> Text", "<blockquote>\n<p>[!note]-Title\nText</p>\n</blockquote>")]
    [InlineData("> [!]\n> Text", "<blockquote>\n<p>[!]\nText</p>\n</blockquote>")]
    [InlineData("[!NOTE] outside a quote", "<p>[!NOTE] outside a quote</p>")]
    public void A_type_in_brackets_anywhere_else_is_text(string markdown, string html) =>
        Assert.Equal(html, Render(markdown));

    [Theory]
    [InlineData("NOTE")]
    [InlineData("TIP")]
    [InlineData("IMPORTANT")]
    [InlineData("WARNING")]
    [InlineData("CAUTION")]
    [InlineData("question")]
    public void Every_look_has_Markdigs_icon_hidden_from_screen_readers(string type)
    {
        var html = MarkdownSpecTests.Render($"> [!{type}]- Title\n> Text");

        Assert.Matches("^<details[^>]*>\n<summary class=\"markdown-alert-title\"><svg viewBox=\"0 0 16 16\"[^>]* aria-hidden=\"true\"><path d=\"[^\"]+\"></path></svg><span", html);
    }

    [Fact]
    public void A_callouts_own_title_is_part_of_its_text_for_search_and_word_counts()
    {
        var document = ContentMarkdown.Parse("> [!tip] Sleep before the exam\n> Really.");

        Assert.Equal("Sleep before the exam\nReally.", PlainText.Of(document).Trim());
    }

    [GeneratedRegex("<svg.*?</svg>")]
    private static partial Regex Icon();
}
