using Portfolio.Web.Services;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>How much text of each entry the static search index keeps: all of it within the budget, else the same start of each.</summary>
public sealed class StaticSearchIndexTests
{
    [Fact]
    public void Texts_within_both_budgets_are_kept_whole()
    {
        Assert.Equal(100, StaticSearchIndex.TextBudget([10, 50, 100], perEntry: 100, total: 1000));
    }

    [Fact]
    public void Past_the_total_budget_every_text_keeps_the_same_start_and_all_fit()
    {
        int[] lengths = [10, 500, 800, 2000];

        var budget = StaticSearchIndex.TextBudget(lengths, perEntry: 1000, total: 1500);

        Assert.Equal(496, budget);
        Assert.True(lengths.Sum(l => Math.Min(l, budget)) <= 1500);
        Assert.True(lengths.Sum(l => Math.Min(l, budget + 1)) > 1500);
    }

    [Fact]
    public void A_text_is_cut_at_a_space_within_its_budget()
    {
        Assert.Equal("one two", StaticSearchIndex.Trim("one two three", 9));
        Assert.Equal("one two three", StaticSearchIndex.Trim("one two three", 13));
        Assert.Equal("abcdefgh", StaticSearchIndex.Trim("abcdefghijkl", 8));
    }
}
