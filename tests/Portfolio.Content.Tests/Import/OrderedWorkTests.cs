using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>The importer's parallel parse (OrderedWork): results come back in the files' order, never too far ahead, and failures are not lost.</summary>
public sealed class OrderedWorkTests
{
    [Fact]
    public void Results_come_back_in_list_order_though_items_finish_out_of_order()
    {
        var items = Enumerable.Range(0, 200).ToList();

        // Every third item is slow, so later items finish before it.
        var results = Run(items, i =>
        {
            if (i % 3 == 0)
            {
                Thread.Sleep(2);
            }

            return i * 10;
        }, workers: 4, window: 16).ToList();

        Assert.Equal(items.Select(i => i * 10), results);
    }

    [Fact]
    public void Workers_stay_within_the_window_ahead_of_the_consumer()
    {
        const int window = 8;
        var started = 0;
        var consumed = 0;
        var furthestAhead = 0;
        var items = Enumerable.Range(0, 100).ToList();

        foreach (var _ in Run(items, i =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref consumed);
            InterlockedMax(ref furthestAhead, ahead);
            return i;
        }, workers: 3, window: window))
        {
            // A slow consumer: workers would run to the end of the list if nothing held them back.
            Thread.Sleep(1);
            Interlocked.Increment(ref consumed);
        }

        // The item in the consumer's hands counts as taken: at most a window beyond it is started.
        Assert.InRange(furthestAhead, 1, window + 1);
        Assert.Equal(100, started);
    }

    [Fact]
    public void A_failing_item_fails_the_consumer_with_its_own_exception()
    {
        var items = Enumerable.Range(0, 50).ToList();

        var error = Assert.Throws<InvalidDataException>(() =>
            Run(items, i => i == 20 ? throw new InvalidDataException("item 20") : i, workers: 2, window: 4).ToList());

        Assert.Equal("item 20", error.Message);
    }

    [Fact]
    public void A_consumer_that_stops_early_stops_the_workers()
    {
        var started = 0;
        var items = Enumerable.Range(0, 10_000).ToList();

        foreach (var result in Run(items, i => Interlocked.Increment(ref started), workers: 2, window: 4))
        {
            if (result >= 3)
            {
                break;
            }
        }

        // Run returns only once its workers have stopped: nothing is started after it.
        var afterStop = Volatile.Read(ref started);
        Thread.Sleep(20);
        Assert.Equal(afterStop, Volatile.Read(ref started));
        Assert.True(afterStop < 100, $"{afterStop} items were started");
    }

    [Fact]
    public void Work_set_going_before_its_results_are_asked_for_is_done_meanwhile()
    {
        var done = new CountdownEvent(6);
        using var work = new OrderedWork<int, int>([1, 2, 3, 4, 5, 6], i =>
        {
            done.Signal();
            return i * i;
        }, workers: 2, window: 8);

        // Nobody has asked for a result yet: the workers run on their own (the importer's head start on a new database).
        Assert.True(done.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal([1, 4, 9, 16, 25, 36], work.Results());
    }

    [Fact]
    public void An_empty_list_yields_nothing()
    {
        Assert.Empty(Run(new List<int>(), i => i, workers: 2, window: 4));
    }

    /// <summary>As the importer uses it: the results in order, the workers stopped when the caller is done or stops early.</summary>
    private static IEnumerable<TResult> Run<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, int workers, int window)
    {
        using var running = new OrderedWork<TItem, TResult>(items, work, workers, window);
        foreach (var result in running.Results())
        {
            yield return result;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
