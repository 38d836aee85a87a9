namespace LogParsing.Reading;

/// <summary>
/// The three ways every reader of the library reads, written once: a path (one file, or with
/// <see cref="LogReaderOptions.IncludeRotated"/> its rotation set), a stream, a live file. A public reader is a thin
/// adaptor that supplies, per source, the processor turning that source's lines into its results.
/// </summary>
/// <typeparam name="T">What the reader yields.</typeparam>
/// <typeparam name="TOptions">The reader's options.</typeparam>
/// <param name="processor">For the options of one read, the processor of each source it opens.</param>
/// <param name="defaults">The options when none are given.</param>
/// <param name="parallel">
/// The processors read chunks of lines apart (<see cref="LineProcessor{T}.NewChunkProcessor"/>), so files and streams
/// may be read in parallel (<see cref="ParallelLines"/>); a live file is always followed in order.
/// </param>
internal sealed class LineReader<T, TOptions>(Func<TOptions, LogFiles.ProcessorFactory<T>> processor, TOptions defaults, bool parallel = false)
    where TOptions : LogReaderOptions
{
    /// <summary>Reads a file, or its rotation set oldest first; argument errors are thrown at once, I/O errors on enumeration.</summary>
    public IAsyncEnumerable<T> ReadAsync(string path, TOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= defaults;
        return LogFiles.ReadPathAsync(path, options, processor(options), cancellationToken, parallel);
    }

    /// <summary>Reads a stream (plain or gzip), which is left open.</summary>
    public IAsyncEnumerable<T> ReadAsync(Stream stream, TOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= defaults;
        return LogFiles.ReadStreamAsync(stream, options, processor(options), parallel, cancellationToken);
    }

    /// <summary>Follows a live file like <c>tail -F</c> until cancelled.</summary>
    public IAsyncEnumerable<T> FollowAsync(string path, TOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= defaults;
        return LogFiles.FollowAsync(path, options, processor(options), cancellationToken);
    }
}
