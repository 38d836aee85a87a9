namespace LogParsing;

/// <summary>
/// Where to resume reading a log: for a log file, the file, a fingerprint of its first bytes, and the last line already
/// handled; for the live journal, the cursor of the last entry handled (<see cref="Cursor"/>).
/// Save one after each entry handled (<see cref="After(LogEntry)"/>) and pass it back as
/// <see cref="LogReaderOptions.ResumeFrom"/>: the read (or the follow) goes on after that line, in that file or, when it
/// was rotated meanwhile, in the rotated file that has its fingerprint, then the newer ones; or, for the journal, after
/// that entry (<c>journalctl --after-cursor</c>). Filebeat's registry and Vector's checkpoints keep the same things.
/// </summary>
/// <example>
/// <code>
/// LogCheckpoint? saved = LoadFromDisk();
/// await foreach (var e in AuthLogReader.FollowAsync("/var/log/auth.log", new() { ResumeFrom = saved }))
/// {
///     Handle(e);
///     SaveToDisk(LogCheckpoint.After(e));
/// }
/// </code>
/// </example>
public sealed record LogCheckpoint
{
    /// <summary>The file the line was read from, as the reader named it; null for a journal checkpoint.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The fingerprint of the file when the line was read (<see cref="LogPosition.Fingerprint"/>): how many of its first
    /// bytes were hashed, and their hash. A file whose first bytes differ is another file, and the checkpoint is refused.
    /// Null for a journal checkpoint.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The byte offset of the last line handled (<see cref="LogPosition.ByteOffset"/>); reading goes on after it. 0 for the journal.</summary>
    public long ByteOffset { get; init; }

    /// <summary>The 1-based number of the last line handled; the next line read is numbered from it. 0 for the journal.</summary>
    public long Line { get; init; }

    /// <summary>
    /// The journal cursor of the last entry handled (<see cref="LogPosition.Cursor"/>), for a read or follow of the live
    /// journal (<see cref="JournalReader"/>); null for a file checkpoint.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>True for a checkpoint in the journal (it has a <see cref="Cursor"/>), false for one in a log file.</summary>
    public bool IsJournal => Cursor is not null;

    /// <summary>A checkpoint in a log file: after the line at <paramref name="byteOffset"/> of the file with <paramref name="fingerprint"/>.</summary>
    /// <param name="source">The file, as the reader named it.</param>
    /// <param name="fingerprint">Its fingerprint (<see cref="LogPosition.Fingerprint"/>).</param>
    /// <param name="byteOffset">The byte offset of the last line handled.</param>
    /// <param name="line">The 1-based number of that line.</param>
    public static LogCheckpoint InFile(string source, string fingerprint, long byteOffset, long line)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        ArgumentOutOfRangeException.ThrowIfNegative(byteOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        return new LogCheckpoint { Source = source, Fingerprint = fingerprint, ByteOffset = byteOffset, Line = line };
    }

    /// <summary>A checkpoint in the journal: after the entry with <paramref name="cursor"/> (<c>__CURSOR</c>).</summary>
    /// <param name="cursor">The journal cursor, as journalctl printed it.</param>
    public static LogCheckpoint InJournal(string cursor)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        return new LogCheckpoint { Cursor = cursor };
    }

    /// <summary>
    /// The checkpoint after <paramref name="entry"/>: in its file when it has a file and fingerprint, else in the journal
    /// when it has a cursor; null when it has neither (a stream, a single line, journalctl's text output read from a pipe).
    /// </summary>
    /// <param name="entry">The last entry handled.</param>
    public static LogCheckpoint? After(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // After the entry's last line: its continuation lines (a traceback, a joined message) are part of what was handled.
        return After(entry.LastLine ?? entry.Position);
    }

    /// <summary>The checkpoint after the line at <paramref name="position"/> (see <see cref="After(LogEntry)"/>), or null.</summary>
    /// <param name="position">Where the last line handled was read.</param>
    public static LogCheckpoint? After(LogPosition position) =>
        position switch
        {
            // A saved journalctl -o json file has both: the file is what the read will be given again.
            { Source: { } source, Fingerprint: { } fingerprint } =>
                new LogCheckpoint { Source = source, Fingerprint = fingerprint, ByteOffset = position.ByteOffset, Line = position.Line },
            { Cursor: { Length: > 0 } cursor } => new LogCheckpoint { Cursor = cursor },
            _ => null,
        };

    /// <inheritdoc />
    public override string ToString() => IsJournal ? $"journal after cursor {Cursor}" : $"{Source}:{Line} (byte {ByteOffset})";
}
