using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace LogParsing.Reading;

/// <summary>
/// Ordered parallel reading, as Sep's <c>ParallelEnumerate</c> does for CSV: the source's bytes are read and split into
/// lines in order (the one <see cref="LinePipeline"/>, so line numbers, offsets, cut and unterminated lines, resumed
/// starts and faults are the sequential read's), the lines are copied into chunks, the chunks are parsed on up to
/// <c>degree</c> threads by processors that know nothing of the lines before them, and the results are yielded in
/// source order after an ordered pass through the source's own processor (<see cref="LineProcessor{T}.InOrder"/>) that
/// does what depends on earlier lines: repeat summaries, held records. A chunk whose parse depended on earlier lines in
/// a way that pass cannot repair (<see cref="LineProcessor{T}.Independent"/>) is parsed again, in order, by the source's
/// processor. So the result is the sequential read's, entry for entry.
/// </summary>
internal static class ParallelLines
{
    /// <summary>
    /// The size on disk from which a file is read in parallel by default: 4 MiB, about 35,000 auth lines, 40 ms of
    /// sequential parsing. Below it the gain is a few milliseconds, less than what starting workers and copying every line
    /// costs, and most rotated logs of a quiet host are smaller.
    /// </summary>
    public const long Threshold = 4 * 1024 * 1024;

    // A process-wide testing knob (the CLI tests run the real tool): chunks of at most this many lines, and every file
    // read in parallel whatever its size, so that chunk edges fall everywhere.
    private static readonly int EnvironmentChunkLines =
        int.TryParse(Environment.GetEnvironmentVariable("LOGPARSING_CHUNK_LINES"), out var n) && n > 0 ? n : 0;

    /// <summary>
    /// How many threads read a source of <paramref name="length"/> bytes on disk (null: a stream, a pipe, a file whose
    /// length is unknown): <see cref="LogReaderOptions.MaxDegreeOfParallelism"/> when set, else the processor count for a
    /// plain file of at least <see cref="Threshold"/> bytes, else 1. A gzip file is read in order by default: its
    /// decompression already runs on a thread of its own beside the parsing (<see cref="DecompressingPipeReader"/>), and
    /// on two cores parsing it in parallel too was measured slower (docs/benchmarks.md). So were the gzip files of a
    /// rotation set read side by side (<see cref="ReadFilesAsync"/>), which only an explicit degree asks for.
    /// </summary>
    public static int Degree(LogReaderOptions options, long? length, Func<bool>? isGzip = null)
    {
        if (options.MaxDegreeOfParallelism is { } max) return max;
        if (length is null || length < Threshold && EnvironmentChunkLines == 0) return 1;
        return isGzip?.Invoke() == true ? 1 : Environment.ProcessorCount;
    }

    /// <summary>True when <paramref name="file"/> starts with gzip's magic bytes; false when it cannot be read (the read reports why).</summary>
    public static bool IsGzip(string file)
    {
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return LogSource.IsGzip(handle);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The files of a rotation set, oldest first, up to <paramref name="degree"/> of them read at once (each by
    /// <paramref name="read"/>, which may read it in parallel itself) and yielded in order: the current file's entries as
    /// they come, the next files' held in bounded queues. A fault in a file is thrown after its entries before the fault,
    /// and the files after it are closed unread, as in a sequential read.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadFilesAsync<T>(
        IReadOnlyList<string> files, Func<string, CancellationToken, IAsyncEnumerable<T>> read, int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = new Queue<(System.Threading.Channels.Channel<T> Entries, Task Pump)>(degree);
        var next = 0;
        try
        {
            while (true)
            {
                while (next < files.Count && reading.Count < degree)
                {
                    // Bounded: a file read ahead waits once 4096 of its entries are queued.
                    var entries = System.Threading.Channels.Channel.CreateBounded<T>(new System.Threading.Channels.BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true });
                    var source = read(files[next++], stop.Token);
                    reading.Enqueue((entries, Task.Run(() => PumpAsync(source, entries.Writer, stop.Token), CancellationToken.None)));
                }
                if (reading.Count == 0) break;
                var (current, pump) = reading.Peek();
                while (await current.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (current.Reader.TryRead(out var item))
                        yield return item;
                }
                reading.Dequeue();
                await pump.ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (_, pump) in reading)
            {
                try
                {
                    await pump.ConfigureAwait(false);
                }
                catch (Exception) when (pump.IsFaulted || pump.IsCanceled)
                {
                }
            }
        }
    }

    // The pump's fault is its task's: the reader sees it once it has taken every entry the file gave before it.
    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, System.Threading.Channels.ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
                await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }

    /// <summary>The size on disk of <paramref name="file"/>, or null when it cannot be told (the read then reports why).</summary>
    public static long? LengthOf(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? info.Length : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The most lines a chunk holds; else a chunk is what one buffer of the pipe held (64 KiB of lines).</summary>
    private static int ChunkLines(LogReaderOptions options) =>
        options.ChunkLines > 0 ? options.ChunkLines : EnvironmentChunkLines > 0 ? EnvironmentChunkLines : int.MaxValue;

    /// <summary>
    /// Reads the source <paramref name="open"/> opens (on the first <c>MoveNextAsync</c>) with up to
    /// <paramref name="degree"/> threads parsing; at most twice that many chunks are held at once (being parsed, or parsed
    /// and waiting for their turn), so memory is bounded whatever the source's size. A source whose processor cannot read
    /// chunks apart (<see cref="LineProcessor{T}.NewChunkProcessor"/> is null) is read by the sequential pipeline instead,
    /// whatever the degree: every chunk would be parsed again in order anyway, after being copied for nothing.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<CancellationToken, ValueTask<LinePipeline.Source<T>>> open, string? source, LogReaderOptions options, int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await open(cancellationToken).ConfigureAwait(false);
        bool apart;
        try
        {
            apart = opened.Processor.NewChunkProcessor() is not null;
        }
        catch
        {
            // Not yet handed to a pipeline, which would complete it on every path.
            await opened.Reader.CompleteAsync().ConfigureAwait(false);
            throw;
        }
        if (!apart)
        {
            await foreach (var item in LinePipeline.ReadAsync(_ => ValueTask.FromResult(opened), source, options.MaxLineLength, cancellationToken).ConfigureAwait(false))
                yield return item;
            yield break;
        }

        var inOrder = opened.Processor;
        var chunkLines = ChunkLines(options);
        var chunks = LinePipeline.ReadAsync(
            _ => ValueTask.FromResult(new LinePipeline.Source<LineChunk>(opened.Reader, new Chunker(chunkLines), opened.AfterBuffer, opened.AtEnd, opened.Start)),
            source, options.MaxLineLength, cancellationToken,
            // The chunker closes a chunk at each batch's end, so it takes buffers whole: its chunk size already bounds what
            // is alive at once.
            batchBytes: long.MaxValue);

        // Caps the workers at the degree whatever the thread pool's size; the ordered pass runs on the caller's flow.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, degree).ConcurrentScheduler;
        var inFlight = new Queue<Task<Parsed<T>>>(2 * degree);
        var stop = new StrongBox<bool>();
        var output = new List<T>();
        // The chunks' result lists go round: a list per chunk was 8 bytes a line of garbage.
        var spare = new ConcurrentQueue<List<T>>();
        ExceptionDispatchInfo? fault = null;
        var enumerator = chunks.GetAsyncEnumerator(cancellationToken);
        try
        {
            var more = true;
            while (true)
            {
                while (more && inFlight.Count < 2 * degree)
                {
                    try
                    {
                        more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The chunks before the fault are yielded first, as the sequential read yields every line before it.
                        fault = ExceptionDispatchInfo.Capture(ex);
                        more = false;
                        break;
                    }
                    if (!more) break;
                    var chunk = enumerator.Current;
                    inFlight.Enqueue(Task.Factory.StartNew(() => Parse(inOrder, chunk, stop, spare), CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler));
                }
                if (inFlight.Count == 0) break;
                var parsed = await inFlight.Dequeue().ConfigureAwait(false);
                try
                {
                    if (parsed.Independent)
                    {
                        inOrder.InOrder(parsed.Results, output);
                    }
                    else
                    {
                        for (var i = 0; i < parsed.Chunk.Count; i++)
                            inOrder.OnLineBytes(parsed.Chunk.Bytes(i), parsed.Chunk.Info(i), output);
                    }
                }
                finally
                {
                    parsed.Chunk.Release();
                    parsed.Results.Clear();
                    spare.Enqueue(parsed.Results);
                }
                foreach (var item in output)
                    yield return item;
                output.Clear();
            }
            if (fault is null)
            {
                inOrder.OnEnd(output);
                foreach (var item in output)
                    yield return item;
            }
        }
        finally
        {
            // No task outlives the read: those not started return at once, the others finish their chunk.
            stop.Value = true;
            while (inFlight.Count > 0)
            {
                var task = inFlight.Dequeue();
                try
                {
                    (await task.ConfigureAwait(false)).Chunk.Release();
                }
                catch (Exception) when (task.IsFaulted || task.IsCanceled)
                {
                }
            }
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
        fault?.Throw();
    }

    private sealed record Parsed<T>(LineChunk Chunk, List<T> Results, bool Independent);

    private static Parsed<T> Parse<T>(LineProcessor<T> source, LineChunk chunk, StrongBox<bool> stop, ConcurrentQueue<List<T>> spare)
    {
        if (!spare.TryDequeue(out var results)) results = new List<T>(chunk.Count);
        if (stop.Value) return new Parsed<T>(chunk, results, false);
        // Never null: ReadAsync reads a source whose processor cannot read lines apart with the sequential pipeline.
        var processor = source.NewChunkProcessor()!;
        for (var i = 0; i < chunk.Count && processor.Independent; i++)
            processor.OnLineBytes(chunk.Bytes(i), chunk.Info(i), results);
        return new Parsed<T>(chunk, results, processor.Independent);
    }

    /// <summary>Gathers a source's lines into chunks: one per buffer of the pipe, or of at most <c>chunkLines</c> lines.</summary>
    private sealed class Chunker(int chunkLines) : LineProcessor<LineChunk>
    {
        private LineChunk? _chunk;

        public override void OnLineBytes(ReadOnlySpan<byte> line, in LineInfo info, List<LineChunk> output)
        {
            _chunk ??= new LineChunk();
            _chunk.Add(line, info);
            if (_chunk.Count >= chunkLines)
            {
                output.Add(_chunk);
                _chunk = null;
            }
        }

        public override void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<LineChunk> output) =>
            throw new UnreachableException();

        // Every line split is in a chunk before the pipeline yields and before it throws a fault after the buffer.
        public override void OnBufferEnd(List<LineChunk> output)
        {
            if (_chunk is null) return;
            output.Add(_chunk);
            _chunk = null;
        }
    }
}
