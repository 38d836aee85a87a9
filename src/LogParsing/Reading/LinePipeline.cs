using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace LogParsing.Reading;

/// <summary>
/// The one reading loop of the library: bytes from a <see cref="PipeReader"/>, split at <c>'\n'</c>, CR trimmed,
/// over-long lines cut and skipped without buffering, handed to a <see cref="LineProcessor{T}"/> as bytes (which it
/// decodes as UTF-8, invalid bytes replaced, into a pooled buffer unless it reads the bytes itself).
/// </summary>
internal static class LinePipeline
{
    /// <summary>
    /// An opened source: its bytes, the processor of its lines, what to call after each buffer (progress), and what to
    /// ask when its bytes end (a file that shrank under the reader; a followed file cut by copytruncate).
    /// </summary>
    public readonly record struct Source<T>(PipeReader Reader, LineProcessor<T> Processor, Action? AfterBuffer, Func<SourceEnd>? AtEnd = null, Start Start = default);

    /// <summary>
    /// Where the bytes of the pipe start in the source, for a resumed read: <paramref name="Offset"/> bytes of the source are
    /// behind the pipe (a seek), <paramref name="SkipBytes"/> more are to be discarded (a gzip file cannot seek), and then
    /// the line already handled, number <paramref name="Line"/>, when <paramref name="SkipLine"/>. Default: the start.
    /// </summary>
    public readonly record struct Start(long Offset, long SkipBytes, long Line, bool SkipLine, string? Fingerprint);

    /// <summary>How a source's bytes ended.</summary>
    /// <param name="Fault">Why the end is an I/O fault (the file shrank while it was read), or null.</param>
    /// <param name="DropPartial">The bytes after the last <c>'\n'</c> are the start of a line whose rest is gone: not a line.</param>
    public readonly record struct SourceEnd(string? Fault, bool DropPartial);

    public static IAsyncEnumerable<T> ReadAsync<T>(
        PipeReader reader, LineProcessor<T> processor, string? source, int maxLineLength,
        CancellationToken cancellationToken) =>
        ReadAsync(_ => ValueTask.FromResult(new Source<T>(reader, processor, null)), source, maxLineLength, cancellationToken);

    /// <summary>
    /// The most bytes split into one batch of entries, a plain file's buffer: a decompressing reader hands over up to a
    /// megabyte at once, and the thousands of entries of such a batch, alive together until they are yielded, were what
    /// every young collection of a gzip read found alive and promoted (a hundred times as many generation-1 collections
    /// as a plain file's read), and more than a core's cache holds when the consumer reads them.
    /// </summary>
    public const int BatchBytes = 64 * 1024;

    /// <summary>Opens the source on the first MoveNextAsync, then reads it: callers that open files need no iterator of their own.</summary>
    /// <param name="open">Opens the source.</param>
    /// <param name="source">Its name, for errors.</param>
    /// <param name="maxLineLength">The longest line kept whole.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="batchBytes">The most bytes split before the batch is yielded (<see cref="BatchBytes"/>; at least one line more than <paramref name="maxLineLength"/>).</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<CancellationToken, ValueTask<Source<T>>> open, string? source, int maxLineLength,
        [EnumeratorCancellation] CancellationToken cancellationToken, long batchBytes = BatchBytes)
    {
        var (reader, processor, afterBuffer, atEnd, start) = await open(cancellationToken).ConfigureAwait(false);
        var batch = new List<T>();
        var splitter = new Splitter(maxLineLength, start);
        // A batch must hold any line the splitter keeps whole and its newline, or a long line would never be split.
        batchBytes = Math.Max(batchBytes, (long)maxLineLength + 2);
        // A cancelled read ends the loop once the bytes it returned are split, as many batches as they take.
        var canceled = false;
        try
        {
            while (true)
            {
                ReadResult read;
                try
                {
                    read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException && ex is not LogReadException)
                {
                    throw new LogReadException(source, splitter.Offset, ex.Message, ex);
                }
                var buffer = read.Buffer;
                // A big buffer is split a batch at a time; the next ReadAsync returns the rest at once, as nothing past the
                // batch was examined. Only the last batch of a completed read is the end.
                var whole = buffer.Length <= batchBytes;
                if (!whole) buffer = buffer.Slice(0, batchBytes);
                var completed = whole && read.IsCompleted;
                // Asked before the last bytes are split: a shrunk file's tail is not a line, nor is a followed file's cut one.
                var end = completed && atEnd is not null ? atEnd() : default;
                var consumed = splitter.Split(buffer, completed && end is { Fault: null, DropPartial: false }, processor, batch);
                reader.AdvanceTo(consumed, buffer.End);
                processor.OnBufferEnd(batch);
                afterBuffer?.Invoke();
                foreach (var item in batch)
                    yield return item;
                batch.Clear();
                if (end.Fault is { } fault)
                    throw new LogReadException(source, splitter.Offset, fault);
                canceled |= read.IsCanceled;
                if (completed || (whole && canceled))
                    break;
            }
            processor.OnEnd(batch);
            foreach (var item in batch)
                yield return item;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Line splitting state carried across buffers (a ref struct cannot live in an async method).</summary>
    private sealed class Splitter(int maxLineLength, Start from)
    {
        private bool _skipping = from.SkipLine;
        private long _lineNumber = from.Line;
        private long _skipBytes = from.SkipBytes;
        private readonly string? _fingerprint = from.Fingerprint;

        public long Offset { get; private set; } = from.Offset;

        public SequencePosition Split<T>(ReadOnlySequence<byte> buffer, bool isCompleted, LineProcessor<T> processor, List<T> output)
        {
            var reader = new SequenceReader<byte>(buffer);
            while (!reader.End)
            {
                if (_skipBytes > 0)
                {
                    var n = Math.Min(_skipBytes, reader.Remaining);
                    reader.Advance(n);
                    _skipBytes -= n;
                    continue;
                }
                if (_skipping)
                {
                    if (!reader.TryAdvanceTo((byte)'\n'))
                    {
                        reader.AdvanceToEnd();
                        break;
                    }
                    _skipping = false;
                    continue;
                }
                var start = Offset + reader.Consumed;
                if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
                {
                    _lineNumber++;
                    var truncated = line.Length > maxLineLength;
                    Emit(truncated ? line.Slice(0, maxLineLength) : line, new LineInfo(_lineNumber, start, truncated, false, _fingerprint), processor, output);
                    continue;
                }
                var remaining = reader.Remaining;
                if (remaining > maxLineLength)
                {
                    // Cut here and skip to the next newline: a 100 MB line must not be buffered whole.
                    _lineNumber++;
                    Emit(reader.UnreadSequence.Slice(0, maxLineLength), new LineInfo(_lineNumber, start, true, false, _fingerprint), processor, output);
                    _skipping = true;
                    reader.AdvanceToEnd();
                }
                else if (isCompleted)
                {
                    _lineNumber++;
                    Emit(reader.UnreadSequence, new LineInfo(_lineNumber, start, false, true, _fingerprint), processor, output);
                    reader.AdvanceToEnd();
                }
                break;
            }
            Offset += reader.Consumed;
            return reader.Position;
        }

        private static void Emit<T>(ReadOnlySequence<byte> bytes, in LineInfo info, LineProcessor<T> processor, List<T> output)
        {
            if (!info.Truncated && bytes.Length > 0 && EndsWithCr(bytes))
                bytes = bytes.Slice(0, bytes.Length - 1);
            if (bytes.IsEmpty) return;

            var length = (int)bytes.Length;
            byte[]? rentedBytes = null;
            ReadOnlySpan<byte> span;
            if (bytes.IsSingleSegment)
            {
                span = bytes.FirstSpan;
            }
            else
            {
                rentedBytes = ArrayPool<byte>.Shared.Rent(length);
                bytes.CopyTo(rentedBytes);
                span = rentedBytes.AsSpan(0, length);
            }
            try
            {
                processor.OnLineBytes(span, info, output);
            }
            finally
            {
                if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }

        private static bool EndsWithCr(ReadOnlySequence<byte> bytes) =>
            bytes.IsSingleSegment ? bytes.FirstSpan[^1] == (byte)'\r' : bytes.Slice(bytes.Length - 1).FirstSpan[0] == (byte)'\r';
    }
}
