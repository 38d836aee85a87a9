using System.IO.Pipelines;

namespace LogParsing.Reading;

/// <summary>
/// Decompresses on another thread while the reader parses: a pump copies the decompressed stream into a bounded
/// <see cref="Pipe"/>, so on two cores gzip costs little more than a plain file. Completing this reader stops the pump
/// and waits for it, so the file is closed when the enumeration ends (a caller may reopen it exclusively right after).
/// </summary>
internal sealed class DecompressingPipeReader : PipeReader
{
    private const int ChunkSize = 64 * 1024;

    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private Exception? _fault;
    private bool _faultSeen;
    private SequencePosition _faultEnd;
    private bool _examinedAll;

    // Closed by CompleteAsync, not by the pump when it is done: the reader asks the file at the end of its bytes whether it
    // shrank, and a pump that closed it first raced that question (ObjectDisposedException, now and then, on gzip files).
    private readonly Stream _decompressed;

    public DecompressingPipeReader(Stream decompressed)
    {
        _decompressed = decompressed;
        _pump = Task.Run(() => PumpAsync(decompressed));
    }

    private async Task PumpAsync(Stream decompressed)
    {
        try
        {
            // Large chunks, each filled before it is flushed: Stream.CopyToAsync wrote 4 KiB at a time, and every flush
            // wakes the parsing thread for some thirty lines.
            var writer = _pipe.Writer;
            while (true)
            {
                var memory = writer.GetMemory(ChunkSize);
                var filled = 0;
                int read;
                do
                {
                    read = await decompressed.ReadAsync(memory[filled..], _stop.Token).ConfigureAwait(false);
                    filled += read;
                }
                while (read > 0 && filled < memory.Length);
                writer.Advance(filled);
                var flush = await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                if (read == 0 || flush.IsCompleted) break;
            }
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Not Complete(ex): a Pipe would throw at once and drop the bytes still buffered. The reader rethrows
            // the fault once it has taken every complete line before it.
            _fault = ex;
            await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await _pipe.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return AfterFault(result);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!_pipe.Reader.TryRead(out result)) return false;
        result = AfterFault(result);
        return true;
    }

    // At the end after a fault: hand over what is buffered as not-yet-complete, so the caller takes the whole lines and
    // keeps the cut one, for as many reads as it takes to look at all of it (a caller may split a big buffer a batch at
    // a time); the read after it has examined everything throws.
    private ReadResult AfterFault(ReadResult result)
    {
        if (!result.IsCompleted || _fault is null) return result;
        if (_faultSeen && _examinedAll) throw _fault;
        _faultSeen = true;
        _faultEnd = result.Buffer.End;
        _examinedAll = false;
        return new ReadResult(result.Buffer, isCanceled: false, isCompleted: false);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_faultSeen) _examinedAll = examined.Equals(_faultEnd);
        _pipe.Reader.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => _pipe.Reader.CancelPendingRead();

    public override void Complete(Exception? exception = null) => CompleteAsync(exception).AsTask().GetAwaiter().GetResult();

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pipe.Reader.CompleteAsync(exception).ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        finally
        {
            await _decompressed.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
