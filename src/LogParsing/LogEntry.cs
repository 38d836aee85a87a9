namespace LogParsing;

/// <summary>
/// What every entry of a log has: when it was written, where, its message and where it was read. The entries of auth
/// logs (<see cref="AuthLogEntry"/>) and of fail2ban's log (<see cref="Fail2BanEntry"/>) add what their lines carry, so
/// analyses that merge both by time (detections) see one shape.
/// </summary>
public abstract record LogEntry
{
    /// <summary>
    /// When the line was written. For stamps without a year (<c>May 31 07:07:22</c>) the year is inferred (see
    /// <see cref="YearWasInferred"/>); stamps without an offset are read in <see cref="LogReaderOptions.TimeZone"/>.
    /// </summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the line wrote no year and <see cref="Timestamp"/>'s year was inferred.</summary>
    public bool YearWasInferred { get; init; }

    /// <summary>The host field of the syslog header, or null when the line has none (fail2ban.log writes none).</summary>
    public string? Host { get; init; }

    /// <summary>The message: for auth logs the text after <c>program[pid]: </c>, for fail2ban's log the text after the level; for a malformed line, the whole raw line.</summary>
    public required string Message { get; init; }

    /// <summary>Source file and 1-based line number (of the first line, for an entry that folded continuation lines).</summary>
    public LogPosition Position { get; init; }
}
