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

    // The items started and not yet taken, in list order; each one's task ends with its result or its exception.
    private readonly Queue<TaskCompletionSource<TResult>> _started = new();

    // The started items that no worker has picked up: the caller starts an item only as it takes a result, so the window never overflows.
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Result)> _queue;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private int _next;
    private bool _disposed;

    public OrderedWork(IReadOnlyList<TItem> items, Func<TItem, TResult> work, int workers, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _items = items;
        _queue = Channel.CreateBounded<(TItem, TaskCompletionSource<TResult>)>(new BoundedChannelOptions(window) { SingleWriter = true });
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
            var result = next.Task.GetAwaiter().GetResult();
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
        var result = new TaskCompletionSource<TResult>();
        _started.Enqueue(result);
        if (!_queue.Writer.TryWrite((_items[_next++], result)))
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
                    next.Result.SetResult(work(next.Item));
                }
                catch (Exception ex)
                {
                    next.Result.SetException(ex);
                    _stop.Cancel();
                }
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
