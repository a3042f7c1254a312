namespace Portfolio.Content.Import;

/// <summary>
/// Runs a function over a list on several threads and hands the results back in list order, each as soon as it and
/// every result before it are ready, while the caller consumes them on its own thread. Workers take the next item as
/// they come free, so a slow item holds up no other worker; they stay at most a window of items ahead of the caller,
/// so memory stays flat however long the list.
/// </summary>
/// <remarks>
/// The workers start when it is made, so a caller can set them going and do something else before it takes the first
/// result; disposing it stops them and waits for them. PLINQ over fixed chunks did the same with a barrier at the end
/// of each chunk: every chunk waited for its slowest item with a core idle, and the consumer waited for a whole chunk
/// before it could start.
/// </remarks>
internal sealed class OrderedWork<TItem, TResult> : IDisposable
{
    private readonly int _count;
    private readonly State _state;
    private readonly Task[] _tasks;
    private bool _disposed;

    public OrderedWork(IReadOnlyList<TItem> items, Func<TItem, TResult> work, int workers, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _count = items.Count;
        _state = new State(items.Count, window);
        _tasks = Enumerable.Range(0, Math.Min(workers, items.Count))
            .Select(_ => Task.Factory.StartNew(() => _state.Work(items, work), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
    }

    /// <summary>Each result in the items' order, as soon as it and those before it are ready; to be enumerated once.</summary>
    public IEnumerable<TResult> Results()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _state.Take(i);
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
        _state.Stop();
        Task.WaitAll(_tasks);
    }

    private sealed class State(int count, int window)
    {
        // An object, not a Lock: the waits below are Monitor waits.
        private readonly object _gate = new();
        private readonly TResult[] _results = new TResult[count];
        private readonly bool[] _ready = new bool[count];
        private int _claimed = -1;
        private int _taken;
        private bool _stopped;
        private Exception? _failure;

        public void Work(IReadOnlyList<TItem> items, Func<TItem, TResult> work)
        {
            while (true)
            {
                int index;
                lock (_gate)
                {
                    while (!_stopped && _claimed + 1 < count && _claimed + 1 >= _taken + window)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopped || _claimed + 1 >= count)
                    {
                        return;
                    }

                    index = ++_claimed;
                }

                TResult result;
                try
                {
                    result = work(items[index]);
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        _failure ??= ex;
                        _stopped = true;
                        Monitor.PulseAll(_gate);
                    }

                    return;
                }

                lock (_gate)
                {
                    _results[index] = result;
                    _ready[index] = true;
                    if (index == _taken)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        public TResult Take(int index)
        {
            lock (_gate)
            {
                while (!_ready[index] && _failure is null)
                {
                    Monitor.Wait(_gate);
                }

                if (!_ready[index])
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure!);
                }

                var result = _results[index];
                _results[index] = default!;
                _taken = index + 1;
                // Workers held back by the window may go on.
                Monitor.PulseAll(_gate);
                return result;
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
