using System.Runtime.CompilerServices;

namespace LogParsing.Reading;

/// <summary>
/// Reads files, rotation sets and streams through <see cref="LinePipeline"/> with a processor made per source,
/// so every reader (auth, fail2ban, custom) shares one pipeline.
/// </summary>
internal static class LogFiles
{
    /// <summary>Makes the processor of one source, given its path (null for streams) and its last write time.</summary>
    public delegate LineProcessor<T> ProcessorFactory<T>(string? source, DateTimeOffset? lastWrite);

    /// <summary>Reads a file or its rotation set; <paramref name="parallel"/>: the factory's processors can read chunks apart (<see cref="ParallelLines"/>).</summary>
    public static IAsyncEnumerable<T> ReadPathAsync<T>(
        string path, LogReaderOptions options, ProcessorFactory<T> factory, CancellationToken cancellationToken, bool parallel = false) =>
        // One file is the file's own sequence: each async iterator layer costs every entry a MoveNextAsync.
        options.ResumeFrom is { } checkpoint
            ? ResumeAsync(path, options, checkpoint, factory, parallel, cancellationToken)
            : options.IncludeRotated
                ? ReadRotationSetAsync(path, options, factory, parallel, cancellationToken)
                : ReadFileAsync(path, options, factory, cancellationToken, parallel: parallel);

    /// <summary>
    /// After the checkpoint's line, in the newest file of the path's rotation set whose first bytes match it (the path
    /// itself, or the file it was rotated to while nobody read), then every newer file of the set from its start.
    /// </summary>
    private static async IAsyncEnumerable<T> ResumeAsync<T>(
        string path, LogReaderOptions options, LogCheckpoint checkpoint, ProcessorFactory<T> factory, bool parallel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = RotationSet.Discover(path);
        var at = FindCheckpoint(files, checkpoint, path);
        for (var i = at; i < files.Count; i++)
        {
            await foreach (var item in ReadFileAsync(files[i], options, factory, cancellationToken, i == at ? checkpoint : null, parallel).ConfigureAwait(false))
                yield return item;
        }
    }

    /// <summary>The index of the newest file of <paramref name="files"/> (oldest first) that the checkpoint was saved in.</summary>
    private static int FindCheckpoint(IReadOnlyList<string> files, LogCheckpoint checkpoint, string path)
    {
        var fingerprint = FingerprintOf(checkpoint, $"'{path}'");
        for (var i = files.Count - 1; i >= 0; i--)
        {
            try
            {
                using var file = LogSource.OpenFile(files[i]);
                if (Fingerprint.Matches(file.SafeFileHandle, fingerprint)) return i;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
            }
        }
        throw new LogCheckpointException(checkpoint,
            $"No file of '{path}' and its rotated files starts with the bytes the checkpoint was saved for (line {checkpoint.Line} of '{checkpoint.Source}'): the log was rewritten or rotated away.");
    }

    /// <summary>The fingerprint of a checkpoint in a file, which a read of <paramref name="what"/> resumes from.</summary>
    private static string FingerprintOf(LogCheckpoint checkpoint, string what)
    {
        if (checkpoint.Fingerprint is { } fingerprint) return fingerprint;
        // Reading from the start or the end would repeat or lose lines just as a stale checkpoint would.
        throw new LogCheckpointException(checkpoint, checkpoint.IsJournal
            ? $"The checkpoint is a journal cursor, not a place in a file: it resumes JournalReader's read or follow of the live journal, not a read of {what}."
            : $"The checkpoint names no file fingerprint, so it cannot resume a read of {what}.");
    }

    private static async IAsyncEnumerable<T> ReadRotationSetAsync<T>(
        string path, LogReaderOptions options, ProcessorFactory<T> factory, bool parallel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = RotationSet.Discover(path);
        // Several files at once only when asked: on two cores, gzip files read side by side were measured slower than one
        // after the other (each already decompresses on a thread of its own); a big plain file of the set is split in
        // chunks either way.
        var degree = parallel && files.Count > 1 ? options.MaxDegreeOfParallelism ?? 1 : 1;
        var items = degree > 1
            ? ParallelLines.ReadFilesAsync(files, (file, token) => ReadFileAsync(file, options, factory, token, parallel: true), degree, cancellationToken)
            : ReadEachAsync(files, options, factory, parallel, cancellationToken);
        await foreach (var item in items.ConfigureAwait(false))
            yield return item;
    }

    private static async IAsyncEnumerable<T> ReadEachAsync<T>(
        IReadOnlyList<string> files, LogReaderOptions options, ProcessorFactory<T> factory, bool parallel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await foreach (var item in ReadFileAsync(file, options, factory, cancellationToken, parallel: parallel).ConfigureAwait(false))
                yield return item;
        }
    }

    public static IAsyncEnumerable<T> ReadFileAsync<T>(
        string file, LogReaderOptions options, ProcessorFactory<T> factory, CancellationToken cancellationToken,
        LogCheckpoint? resume = null, bool parallel = false)
    {
        var open = OpenFile(file, options, factory, resume);
        var degree = parallel && options.MaxDegreeOfParallelism != 1 ? ParallelLines.Degree(options, ParallelLines.LengthOf(file), () => ParallelLines.IsGzip(file)) : 1;
        // The file is opened by the pipeline's own iterator (on the first MoveNextAsync), not by a wrapping one.
        return degree > 1
            ? ParallelLines.ReadAsync(open, file, options, degree, cancellationToken)
            : LinePipeline.ReadAsync(open, file, options.MaxLineLength, cancellationToken);
    }

    private static Func<CancellationToken, ValueTask<LinePipeline.Source<T>>> OpenFile<T>(
        string file, LogReaderOptions options, ProcessorFactory<T> factory, LogCheckpoint? resume) =>
        async token =>
        {
            var stream = LogSource.OpenFile(file);
            DateTimeOffset lastWrite = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
            var progress = options.Progress;
            var length = stream.Length;
            Action? report = progress is null ? null : () => progress.Report(new LogReadProgress(file, stream.Position, length));
            var start = new LinePipeline.Start(0, 0, 0, false, Fingerprint.Of(stream.SafeFileHandle));
            System.IO.Pipelines.PipeReader pipe;
            if (resume is not null && !LogSource.IsGzip(stream.SafeFileHandle))
            {
                // A plain file seeks to the line handled last, which the pipeline then skips.
                stream.Seek(resume.ByteOffset, SeekOrigin.Begin);
                start = start with { Offset = resume.ByteOffset, Line = resume.Line, SkipLine = true };
                pipe = LogSource.OpenPlain(stream, leaveOpen: false);
            }
            else
            {
                // A gzip file cannot seek: its decompressed bytes up to the line are read and discarded.
                if (resume is not null) start = start with { SkipBytes = resume.ByteOffset, Line = resume.Line, SkipLine = true };
                pipe = await OpenOrDisposeAsync(stream, file, token).ConfigureAwait(false);
            }
            return new LinePipeline.Source<T>(pipe, factory(file, lastWrite), report, () => Shrunk(stream, length), start);
        };

    /// <summary>
    /// Reads a stream, which is left open: in order unless <see cref="LogReaderOptions.MaxDegreeOfParallelism"/> asks for
    /// more; with <see cref="LogReaderOptions.ResumeFrom"/>, after the checkpoint's line (<see cref="ResumeStreamAsync"/>).
    /// </summary>
    public static async IAsyncEnumerable<T> ReadStreamAsync<T>(
        Stream stream, LogReaderOptions options, ProcessorFactory<T> factory, bool parallel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pipe, start) = options.ResumeFrom is { } checkpoint
            ? await ResumeStreamAsync(stream, checkpoint, cancellationToken).ConfigureAwait(false)
            : (await LogSource.OpenAsync(stream, leaveOpen: true, cancellationToken).ConfigureAwait(false), default);
        var degree = parallel ? ParallelLines.Degree(options, null) : 1;
        var source = new LinePipeline.Source<T>(pipe, factory(null, null), null, null, start);
        var lines = degree > 1
            ? ParallelLines.ReadAsync(_ => ValueTask.FromResult(source), null, options, degree, cancellationToken)
            : LinePipeline.ReadAsync(_ => ValueTask.FromResult(source), null, options.MaxLineLength, cancellationToken);
        await foreach (var item in lines.ConfigureAwait(false))
            yield return item;
    }

    /// <summary>
    /// Opens a stream to be read after a checkpoint's line. The checkpoint is a place in a file: the stream's content from
    /// its current position (decompressed, for gzip) must start with the bytes of the checkpoint's fingerprint, as the
    /// file it resumes must, else it is another file and the checkpoint is refused. Then, as for a file, a plain stream
    /// that can seek seeks to the line handled last, and any other (a pipe, gzip) has its bytes up to it read and discarded.
    /// </summary>
    private static async ValueTask<(System.IO.Pipelines.PipeReader Pipe, LinePipeline.Start Start)> ResumeStreamAsync(
        Stream stream, LogCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var fingerprint = FingerprintOf(checkpoint, "a stream");
        var origin = stream.CanSeek ? stream.Position : 0;
        var (pipe, gzip) = await LogSource.OpenDetectingAsync(stream, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        bool matches;
        try
        {
            matches = await Fingerprint.MatchesAsync(pipe, fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
            throw;
        }
        if (!matches || stream.CanSeek && !gzip)
        {
            // Left open: the stream is the caller's, and a seekable one is read again through a pipe from the line.
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
        if (!matches)
        {
            throw new LogCheckpointException(checkpoint,
                $"The stream does not start with the bytes the checkpoint was saved for (line {checkpoint.Line} of '{checkpoint.Source}'): it is another file, or the file was rewritten.");
        }
        var resume = new LinePipeline.Start(0, 0, checkpoint.Line, SkipLine: true, Fingerprint: null);
        if (!stream.CanSeek || gzip) return (pipe, resume with { SkipBytes = checkpoint.ByteOffset });
        stream.Seek(origin + checkpoint.ByteOffset, SeekOrigin.Begin);
        return (LogSource.OpenPlain(stream, leaveOpen: true), resume with { Offset = checkpoint.ByteOffset });
    }

    /// <summary>
    /// Follows a live file like <c>tail -F</c>: new lines as they are written, across rename and copytruncate rotation,
    /// waiting for the file when it does not exist yet. Ends only by cancellation.
    /// </summary>
    public static async IAsyncEnumerable<T> FollowAsync<T>(
        string path, LogReaderOptions options, ProcessorFactory<T> factory,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pollInterval = options.PollInterval;
        // Only a file that exists when following begins has "old" lines to skip; one that appears later is all new.
        var skipExisting = !options.FollowFromStart;
        LogCheckpoint? resume = null;
        if (options.ResumeFrom is { } checkpoint)
        {
            // The checkpoint's file first: the live file itself (resumed below), or the rotated file it became, whose rest
            // and every newer rotated file are read before the live one is followed from its start.
            var files = RotationSet.Discover(path);
            var at = FindCheckpoint(files, checkpoint, path);
            var live = Path.GetFullPath(path);
            if (at == files.Count - 1 && files[at] == live)
            {
                resume = checkpoint;
            }
            else
            {
                for (var i = at; i < files.Count; i++)
                {
                    if (files[i] == live) break;
                    await foreach (var item in ReadFileAsync(files[i], options, factory, cancellationToken, i == at ? checkpoint : null).ConfigureAwait(false))
                        yield return item;
                }
            }
            skipExisting = false;
        }
        while (true)
        {
            FileStream? file = null;
            while (file is null)
            {
                try
                {
                    file = LogSource.OpenFile(path);
                }
                catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                {
                    skipExisting = false;
                    await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
            var start = new LinePipeline.Start(0, 0, 0, false, file.CanSeek ? Fingerprint.Of(file.SafeFileHandle) : null);
            if (resume is not null && file.CanSeek)
            {
                file.Seek(resume.ByteOffset, SeekOrigin.Begin);
                start = start with { Offset = resume.ByteOffset, Line = resume.Line, SkipLine = true };
            }
            else if (skipExisting && file.CanSeek)
            {
                file.Seek(0, SeekOrigin.End);
                start = start with { Offset = file.Position };
            }
            resume = null;
            skipExisting = false;
            var follow = new FollowStream(file, path, pollInterval);
            follow.Fingerprint();
            // Opened and positioned: from here every byte written is read (the signal tests wait for instead of sleeping).
            options.Progress?.Report(new LogReadProgress(path, file.CanSeek ? file.Position : 0, file.CanSeek ? file.Length : 0));
            // Not gzip-sniffed: a live log is plain text, and the sniff would wait for two bytes.
            var pipe = System.IO.Pipelines.PipeReader.Create(follow, new System.IO.Pipelines.StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: false));
            // A generation cut in place (copytruncate) ends inside whatever line was being written: that start is not a line.
            var source = new LinePipeline.Source<T>(pipe, factory(path, DateTimeOffset.Now), null, () => new(null, DropPartial: follow.Truncated), start);
            await foreach (var item in LinePipeline.ReadAsync(_ => ValueTask.FromResult(source), path, options.MaxLineLength, cancellationToken).ConfigureAwait(false))
                yield return item;
        }
    }

    // A file that ends before the length it had when opened, or before what was already read, was cut under the reader:
    // its last bytes are not a line, and the read is a fault, not an end.
    private static LinePipeline.SourceEnd Shrunk(FileStream stream, long lengthAtOpen)
    {
        if (!stream.CanSeek) return default; // a FIFO or character device has no length to compare
        var read = stream.Position;
        var now = stream.Length;
        return read < lengthAtOpen || now < read
            ? new LinePipeline.SourceEnd($"the file shrank while it was read: {lengthAtOpen} bytes when opened, {now} now, read to {read}", DropPartial: true)
            : default;
    }

    private static async ValueTask<System.IO.Pipelines.PipeReader> OpenOrDisposeAsync(FileStream stream, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await LogSource.OpenAsync(stream, leaveOpen: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException && ex is not LogReadException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new LogReadException(file, 0, ex.Message, ex);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
