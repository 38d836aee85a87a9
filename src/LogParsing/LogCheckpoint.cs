namespace LogParsing;

/// <summary>
/// Where to resume reading a log file: the file, a fingerprint of its first bytes, and the last line already handled.
/// Save one after each entry handled (<see cref="After(LogEntry)"/>) and pass it back as
/// <see cref="LogReaderOptions.ResumeFrom"/>: the read (or the follow) goes on after that line, in that file or, when it
/// was rotated meanwhile, in the rotated file that has its fingerprint, then the newer ones. Filebeat's registry and
/// Vector's checkpoints keep the same three things.
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
    /// <summary>The file the line was read from, as the reader named it.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The fingerprint of the file when the line was read (<see cref="LogPosition.Fingerprint"/>): how many of its first
    /// bytes were hashed, and their hash. A file whose first bytes differ is another file, and the checkpoint is refused.
    /// </summary>
    public required string Fingerprint { get; init; }

    /// <summary>The byte offset of the last line handled (<see cref="LogPosition.ByteOffset"/>); reading goes on after it.</summary>
    public required long ByteOffset { get; init; }

    /// <summary>The 1-based number of the last line handled; the next line read is numbered from it.</summary>
    public required long Line { get; init; }

    /// <summary>The checkpoint after <paramref name="entry"/>, or null when it has no file and fingerprint (a stream, a single line, the journal).</summary>
    /// <param name="entry">The last entry handled.</param>
    public static LogCheckpoint? After(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return After(entry.Position);
    }

    /// <summary>The checkpoint after the line at <paramref name="position"/>, or null when it has no file and fingerprint.</summary>
    /// <param name="position">Where the last line handled was read.</param>
    public static LogCheckpoint? After(LogPosition position) =>
        position is { Source: { } source, Fingerprint: { } fingerprint }
            ? new LogCheckpoint { Source = source, Fingerprint = fingerprint, ByteOffset = position.ByteOffset, Line = position.Line }
            : null;
}
