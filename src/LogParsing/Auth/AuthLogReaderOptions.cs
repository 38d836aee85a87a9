namespace LogParsing;

/// <summary>How <see cref="AuthLogReader"/> reads: year and zone of classic timestamps, rotation, custom grammars, limits.</summary>
public sealed record AuthLogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static AuthLogReaderOptions Default { get; } = new();

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

    /// <summary>The grammars: <see cref="AuthLogParser.Default"/>, or one extended with <see cref="AuthLogParser.WithProgram"/>.</summary>
    public AuthLogParser Parser { get; init; } = AuthLogParser.Default;

    /// <summary>
    /// The longest line read whole, in bytes (default 64 KiB). A longer line is cut there, yields a
    /// <see cref="MalformedLine"/> with <see cref="MalformedLine.Truncated"/> set, and the rest of it is skipped
    /// without being buffered.
    /// </summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>For <see cref="AuthLogReader.FollowAsync"/>: how often to look for new lines and rotation (default 250 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>For <see cref="AuthLogReader.FollowAsync"/>: read the lines already in the file first (default false: only new lines, like <c>tail -F -n 0</c>).</summary>
    public bool FollowFromStart { get; init; }
}
