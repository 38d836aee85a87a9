namespace LogParsing;

/// <summary>One line of an auth log: the syslog envelope, the message, and the event it means.</summary>
/// <example>
/// <code>
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log"))
///     if (e.Event is SshdInvalidUser { User: var user, Remote: var remote })
///         Console.WriteLine($"{e.Timestamp:u} {user} from {remote?.Host}");
/// </code>
/// </example>
public sealed record AuthLogEntry : LogEntry
{
    /// <summary>The syslog tag: <c>sshd</c>, <c>sshd-session</c>, <c>CRON</c>, <c>sudo</c>... Empty for a <see cref="MalformedLine"/>.</summary>
    public required string Program { get; init; }

    /// <summary>The pid of the tag, or null when the tag has none.</summary>
    public int? ProcessId { get; init; }

    /// <summary>What happened.</summary>
    public required AuthEvent Event { get; init; }

    /// <summary>
    /// How many times the line stands for its event: N for a syslog daemon's repeat summary
    /// (<c>message repeated N times: [ ... ]</c>, whose <see cref="Event"/> is the repeated message's, and
    /// <c>last message repeated N times</c>, which a reader gives the previous entry's event), else 1. Analyses count an
    /// entry this many times.
    /// </summary>
    public int RepeatCount { get; init; } = 1;

    /// <summary>
    /// The systemd unit that wrote the entry (the journal's <c>_SYSTEMD_UNIT</c>, <c>ssh.service</c>), for entries read
    /// from journal JSON; null for syslog lines and journalctl's text outputs, which do not carry it.
    /// </summary>
    public string? Unit
    {
        get => RareOrNone.Unit;
        init
        {
            if (value is not null || HasRare) SetRare(RareOrNone with { Unit = value });
        }
    }

    /// <summary>
    /// The syslog severity (the journal's <c>PRIORITY</c>: 0 emerg … 3 err, 4 warning, 5 notice, 6 info, 7 debug), for
    /// entries read from journal JSON; null for syslog lines and journalctl's text outputs, which do not carry it.
    /// </summary>
    public int? Severity
    {
        get => RareOrNone.Severity;
        init
        {
            if (value is not null || HasRare) SetRare(RareOrNone with { Severity = value });
        }
    }
}
