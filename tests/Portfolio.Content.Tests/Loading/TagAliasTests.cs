using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Loading;

public sealed class TagAliasTests
{
    [Fact]
    public void The_content_tag_file_makes_ML_and_machine_learning_one_tag()
    {
        var diagnostics = new DiagnosticBag(TagAliases.FileName);
        var aliases = TagAliases.Parse(File.ReadAllText(Path.Combine(TestContent.ContentFolder, TagAliases.FileName)), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("machine-learning", "Machine Learning"), aliases.Resolve("ML"));
        Assert.Equal(("machine-learning", "Machine Learning"), aliases.Resolve("machine learning"));
        Assert.Equal(("machine-learning", "Machine Learning"), aliases.Resolve("Machine-Learning"));
        Assert.Equal(("aws", "AWS"), aliases.Resolve("aws"));
        Assert.Equal(("cnn-models", "CNN models"), aliases.Resolve("CNN models"));
        Assert.Null(aliases.Resolve("!!"));
    }

    [Fact]
    public void A_single_alias_can_be_written_without_a_list()
    {
        var aliases = TagAliases.Parse("Kubernetes: k8s\n", new DiagnosticBag("tags.yml"));

        Assert.Equal(("kubernetes", "Kubernetes"), aliases.Resolve("K8s"));
    }

    [Theory]
    [InlineData("ML: [machine learning]\nAI: [ML]\n", 2, 6, "'ML' already means 'ML'; an alias can mean only one tag")]
    [InlineData("A: [x]\nB: [x]\n", 2, 5, "'x' already means 'A'; an alias can mean only one tag")]
    [InlineData("A: [x]\na: [y]\n", 2, 1, "the tag 'a' is listed twice")]
    [InlineData("A:\n  b: c\n", 2, 3, "the aliases of 'A' must be a list of names; got a mapping")]
    [InlineData("- A\n- B\n", 1, 1, "tags.yml must map each canonical tag name to its aliases")]
    [InlineData("A: [x\n", 2, 1, "tags.yml is not valid YAML")]
    public void Bad_entries_are_reported_at_their_line(string yaml, int line, int column, string message)
    {
        var diagnostics = new DiagnosticBag("tags.yml");

        TagAliases.Parse(yaml, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith(message, diagnostic.Message);
    }

    [Fact]
    public void Aliases_that_repeat_one_problem_are_one_error()
    {
        var diagnostics = new DiagnosticBag("tags.yml");

        var aliases = TagAliases.Parse("Machine Learning: [\"!!\", ML, \"--\", [x]]\n", diagnostics);

        Assert.Equal("tags.yml:1:20: error: each alias of 'Machine Learning' must be a tag name with letters or digits (3 items like this)", Assert.Single(diagnostics.Items).ToString());
        Assert.Equal(("machine-learning", "Machine Learning"), aliases.Resolve("ML"));
    }
}
