using System.Threading.Channels;

namespace LogParsing.Cli;

/// <summary>
/// Work on items in order on another thread, handed over in batches: the summary's detections run beside the reading and
/// the counting instead of after each line, so a second core takes their cost (a handover per line would cost more than
/// the work). The first items are worked on at once, in the caller: a small input is done before a thread would have
/// started (starting one cost a 1,000-line summary 7 ms, a quarter of its time). <see cref="CompleteAsync"/> waits for
/// the last batch and rethrows what the work threw.
/// </summary>
internal sealed class BatchedWorker<T> : IDisposable
{
    // Small enough that the entries waiting for the work stay few (they outlive a young collection and are copied, 12 MB
    // of peak memory less on a 1M-line summary than batches of 1,024), large enough that handing over costs nothing.
    private const int BatchSize = 256;
    private const int InlineItems = 50_000;
    // A few batches in flight bound the memory; a reader faster than the work waits for it.
    private readonly Channel<(T[] Items, int Count)> _batches = Channel.CreateBounded<(T[], int)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly Action<T> _action;
    private readonly CancellationToken _cancellationToken;
    private Task? _work;
    private T[] _batch = new T[BatchSize];
    private int _count;
    private int _inline;

    public BatchedWorker(Action<T> work, CancellationToken cancellationToken)
    {
        _action = work;
        _cancellationToken = cancellationToken;
    }

    private Task Start(Action<T> work, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            try
            {
                await foreach (var (items, count) in _batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    for (var i = 0; i < count; i++) work(items[i]);
            }
            catch (Exception e)
            {
                // The reader must not wait for room that will never come.
                _batches.Writer.TryComplete(e);
                throw;
            }
        }, cancellationToken);

    /// <summary>Queues <paramref name="item"/>; waits only when the work is four batches behind.</summary>
    public ValueTask AddAsync(T item, CancellationToken cancellationToken)
    {
        if (_work is null && _inline < InlineItems)
        {
            _inline++;
            _action(item);
            return ValueTask.CompletedTask;
        }
        _work ??= Start(_action, _cancellationToken);
        _batch[_count++] = item;
        return _count < BatchSize ? ValueTask.CompletedTask : SendAsync(cancellationToken);
    }

    /// <summary>Hands over what is queued and waits until every item has been worked on.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_work is null) return;
        if (_count > 0) await SendAsync(cancellationToken).ConfigureAwait(false);
        _batches.Writer.TryComplete();
        await _work.ConfigureAwait(false);
    }

    /// <summary>Ends the work without waiting, when the reading failed: the worker stops at the end of what it was given.</summary>
    public void Dispose() => _batches.Writer.TryComplete();

    private async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        var full = (_batch, _count);
        _batch = new T[BatchSize];
        _count = 0;
        try
        {
            await _batches.Writer.WriteAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The work stopped (it threw): its exception is the one to report.
            await _work!.ConfigureAwait(false);
            throw;
        }
    }
}
