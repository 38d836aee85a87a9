namespace LogParsing;

/// <summary>One line of an auth log: the syslog envelope, the message, and the event it means.</summary>
/// <example>
/// <code>
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log"))
///     if (e.Event is SshdInvalidUser { User: var user, Remote: var remote })
///         Console.WriteLine($"{e.Timestamp:u} {user} from {remote?.Host}");
/// </code>
/// </example>
public sealed record AuthLogEntry
{
    /// <summary>When the line was written. For classic stamps the year is inferred (see <see cref="YearWasInferred"/>) and the zone is <see cref="LogReaderOptions.TimeZone"/>.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the line wrote no year and <see cref="Timestamp"/>'s year was inferred.</summary>
    public bool YearWasInferred { get; init; }

    /// <summary>The host field of the header, or null when the line has none.</summary>
    public string? Host { get; init; }

    /// <summary>The syslog tag: <c>sshd</c>, <c>sshd-session</c>, <c>CRON</c>, <c>sudo</c>... Empty for a <see cref="MalformedLine"/>.</summary>
    public required string Program { get; init; }

    /// <summary>The pid of the tag, or null when the tag has none.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The text after <c>program[pid]: </c>; for a <see cref="MalformedLine"/>, the whole raw line.</summary>
    public required string Message { get; init; }

    /// <summary>What happened.</summary>
    public required AuthEvent Event { get; init; }

    /// <summary>Source file and 1-based line number.</summary>
    public LogPosition Position { get; init; }

    /// <summary>
    /// The systemd unit that wrote the entry (the journal's <c>_SYSTEMD_UNIT</c>, <c>ssh.service</c>), for entries read
    /// from journal JSON; null for syslog lines and journalctl's text outputs, which do not carry it.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The syslog severity (the journal's <c>PRIORITY</c>: 0 emerg … 3 err, 4 warning, 5 notice, 6 info, 7 debug), for
    /// entries read from journal JSON; null for syslog lines and journalctl's text outputs, which do not carry it.
    /// </summary>
    public int? Priority { get; init; }
}
