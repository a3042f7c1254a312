using System.Diagnostics;
using System.Threading.Channels;

namespace Portfolio.Content.Import;

/// <summary>
/// Runs a function over a list on several threads and hands the results back in list order, each as soon as it and
/// every result before it are ready, while the caller consumes them on its own thread. Workers take the next item as
/// they come free, so a slow item holds up no other worker; at most a window of items is started beyond the last
/// result the caller took, so memory stays flat however long the list.
/// </summary>
/// <remarks>
/// The workers start when it is made, so a caller can set them going and do something else before it takes the first
/// result; disposing it stops them and waits for them.
/// </remarks>
internal sealed class OrderedWork<TItem, TResult> : IDisposable
{
    private readonly IReadOnlyList<TItem> _items;

    // The items started and not yet taken, in list order.
    private readonly Queue<Slot> _started = new();

    // The started items that no worker has picked up: the caller starts an item only as it takes a result, so the window never overflows.
    private readonly Channel<Slot> _queue;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private int _next;
    private bool _disposed;

    public OrderedWork(IReadOnlyList<TItem> items, Func<TItem, TResult> work, int workers, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _items = items;
        _queue = Channel.CreateBounded<Slot>(new BoundedChannelOptions(window) { SingleWriter = true });
        while (_next < Math.Min(window, items.Count))
        {
            StartNext();
        }

        _workers = Enumerable.Range(0, Math.Min(workers, items.Count)).Select(_ => Task.Run(() => Work(work))).ToArray();
    }

    /// <summary>Each result in the items' order, as soon as it and those before it are ready; to be enumerated once.</summary>
    public IEnumerable<TResult> Results()
    {
        while (_started.TryDequeue(out var next))
        {
            // Blocks only while the item is still being worked on; a failed item throws its own exception here.
            next.Done.Task.GetAwaiter().GetResult();
            var result = next.Result!;
            // A slot that waited long enough to reach an older generation must not keep its result alive once taken.
            next.Result = default;
            if (_next < _items.Count)
            {
                StartNext();
            }

            yield return result;
        }
    }

    /// <summary>Stops the workers (the caller is done, or stopped early) and waits for them: none is left running.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _queue.Writer.TryComplete();
        Task.WaitAll(_workers);
        _stop.Dispose();
    }

    private void StartNext()
    {
        var slot = new Slot(_items[_next++]);
        _started.Enqueue(slot);
        if (!_queue.Writer.TryWrite(slot))
        {
            throw new UnreachableException("an item is started only as a result is taken, so the window is never full");
        }

        if (_next == _items.Count)
        {
            _queue.Writer.TryComplete();
        }
    }

    private async Task Work(Func<TItem, TResult> work)
    {
        var reader = _queue.Reader;
        var stop = _stop.Token;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            // An item taken from the queue is always finished: every item before a failure reaches the caller.
            while (!stop.IsCancellationRequested && reader.TryRead(out var next))
            {
                try
                {
                    next.Result = work(next.Item);
                    next.Done.SetResult();
                }
                catch (Exception ex)
                {
                    next.Done.SetException(ex);
                    _stop.Cancel();
                }
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One item, and its result once a worker has made it; Done ends when it is made, or with the item's exception.</summary>
    private sealed class Slot(TItem item)
    {
        public TItem Item { get; } = item;

        public TResult? Result { get; set; }

        public TaskCompletionSource Done { get; } = new();
    }
}
