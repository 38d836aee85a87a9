namespace LogParsing;

/// <summary>
/// How every reader of this library reads a log: year and zone of timestamps written without them, rotation sets,
/// line length limit, follow mode. <see cref="AuthLogReaderOptions"/> adds the auth grammars.
/// </summary>
public record LogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static LogReaderOptions Default { get; } = new();

    /// <summary>
    /// The year of timestamps that have none (<c>May 31 07:07:22</c>). Null: inferred as the latest year that does not
    /// put the line more than a day after <see cref="ReferenceTime"/>, so a file spanning New Year reads right.
    /// </summary>
    public int? Year { get; init; }

    /// <summary>"Now" for year inference. Null: each file's last write time, or the clock for streams.</summary>
    public DateTimeOffset? ReferenceTime { get; init; }

    /// <summary>The zone of timestamps written without an offset. Null: the local zone.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>When reading a path, also read its rotated predecessors (<c>auth.log.1</c>, <c>auth.log.2.gz</c>, <c>secure-20240101.gz</c>), oldest first.</summary>
    public bool IncludeRotated { get; init; }

    /// <summary>
    /// The longest line read whole, in bytes (default 64 KiB). A longer line is cut there and flagged
    /// (<see cref="LogEntry.Truncated"/>, and <see cref="MalformedLine.Truncated"/> for auth logs), and the rest of it is
    /// skipped without being buffered. It is also the longest message, in characters, that continuation lines are folded
    /// into (fail2ban tracebacks, indented journal text): past it they are counted in
    /// <see cref="LogEntry.CutContinuationLines"/>, not kept.
    /// </summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>
    /// Resume after a line already handled (a <see cref="LogCheckpoint"/> saved by <see cref="LogCheckpoint.After(LogEntry)"/>):
    /// a read or a follow of the checkpoint's file goes on after that line, in the file whose first bytes match the
    /// checkpoint's fingerprint: the path itself, or the rotated file it became (then the newer files of the set, and for
    /// a follow the live file from its start). No file matching throws <see cref="LogCheckpointException"/>. A read of a
    /// stream (the <c>ReadAsync(Stream, ...)</c> overloads) takes the stream for the checkpoint's file: its content from
    /// its current position (decompressed, for gzip) must start with the fingerprint's bytes, else it throws
    /// <see cref="LogCheckpointException"/>; then a plain stream that can seek is sought to the checkpoint's byte offset,
    /// and any other (a pipe, gzip) is read and its bytes up to that line discarded. Either way the first entry is the
    /// line after the checkpoint's, numbered from it. A journal checkpoint (<see cref="LogCheckpoint.Cursor"/>) resumes
    /// <see cref="JournalReader"/>'s read or follow of the live journal after that entry (<c>journalctl --after-cursor</c>);
    /// given to a read of a file or a stream, or a file checkpoint to the live journal, it throws
    /// <see cref="LogCheckpointException"/> on the first <c>MoveNextAsync</c>. Null: from the start (a read) or the end (a
    /// follow).
    /// </summary>
    public LogCheckpoint? ResumeFrom { get; init; }

    /// <summary>
    /// Keep each entry's text as it was read in <see cref="LogEntry.Original"/> (default false), for output that carries
    /// the raw line, such as ECS's <c>event.original</c>. Read by the auth log, fail2ban and journal readers; an entry that
    /// folded continuation lines (a fail2ban traceback, indented journal text, joined auth lines) keeps them all, after
    /// <c>'\n'</c>, up to <see cref="MaxLineLength"/> characters.
    /// </summary>
    public bool KeepOriginal { get; init; }

    /// <summary>
    /// The most threads that parse one file or stream at once, and when set above 1 the most files of a rotation set read
    /// at once: a file's lines are split in order, parsed in chunks on up to this many threads, and yielded in file order,
    /// entry for entry what a sequential read yields (docs/reading.md, "Parallel reading"). Null (the default): the
    /// processor count for a plain file of at least 4 MiB on disk, and 1 for smaller files, gzip files (decompressed in
    /// order on a thread of their own beside the parsing) and streams; the files of a rotation set one after the other.
    /// 1 reads in order; a value above 1 applies to files of any size, gzip files, streams and rotation sets. Live files
    /// (<c>FollowAsync</c>), <see cref="JournalReader"/>'s input and each file or stream of auth lines read with
    /// <see cref="AuthLogReaderOptions.JoinContinuationLines"/> are always read in order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The degree of parallelism is at least 1 (1 reads in order), or null for the default.");
    }

    private readonly int? _maxDegreeOfParallelism;

    /// <summary>For tests: the most lines in a chunk of a parallel read (0: one buffer of the pipe), so that chunk edges fall everywhere.</summary>
    internal int ChunkLines { get; init; }

    /// <summary>For follow mode: how often to look for new lines and rotation (default 250 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>For follow mode: read the lines already in the file first (default false: only new lines, like <c>tail -F -n 0</c>).</summary>
    public bool FollowFromStart { get; init; }

    /// <summary>
    /// Told, after each buffer of a file is parsed, how far into the file the read is (for progress bars). When following,
    /// told instead each time the follower has opened the file (or its next generation after a rotation) and positioned
    /// on it: from then on every byte written is read. Null: nothing is reported. The files of a rotation set read side by
    /// side (<see cref="MaxDegreeOfParallelism"/>) report from the threads that read them, at the same time.
    /// </summary>
    public IProgress<LogReadProgress>? Progress { get; init; }
}
