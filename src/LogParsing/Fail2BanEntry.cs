namespace LogParsing;

/// <summary>
/// One record of fail2ban's log: <c>2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 209.141.36.197</c>.
/// Lines that do not start a record (a Python traceback) are folded into the previous record's <see cref="LogEntry.Message"/>
/// (the text after the level, the jail included: <c>[sshd] Ban 192.0.2.1</c>). fail2ban writes local time without a
/// zone, to the millisecond: <see cref="LogEntry.Timestamp"/> reads it in <see cref="LogReaderOptions.TimeZone"/>;
/// <see cref="LogEntry.Host"/> is set only for records that came through syslog or the journal.
/// </summary>
public sealed record Fail2BanEntry : LogEntry
{
    /// <summary>The Python logger: <c>fail2ban.actions</c>, <c>fail2ban.filter</c>, <c>fail2ban.server</c>... Empty for a malformed line.</summary>
    public required string Logger { get; init; }

    /// <summary>The fail2ban server's pid, when written (0.8.12+).</summary>
    public int? ProcessId { get; init; }

    /// <summary>The level, or null for a malformed line.</summary>
    public Fail2BanLevel? Level { get; init; }

    /// <summary>The level as written: <c>NOTICE</c>, <c>MSG</c>, <c>Level 39</c>.</summary>
    public string? LevelName { get; init; }

    /// <summary>The jail in brackets at the start of the message (<c>sshd</c>), or null.</summary>
    public string? Jail { get; init; }

    /// <summary>What happened.</summary>
    public required Fail2BanEvent Event { get; init; }
}
