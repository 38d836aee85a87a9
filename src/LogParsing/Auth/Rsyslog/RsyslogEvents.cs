namespace LogParsing.Auth.Rsyslog;

/// <summary>
/// <c>last message repeated 3 times</c> (rsyslog's legacy form, FreeBSD syslogd) or <c>--- last message repeated 1 time ---</c>
/// (macOS): the line before this one came <see cref="Count"/> more times. A reader yields such a line with the previous
/// entry's event and <see cref="AuthLogEntry.RepeatCount"/> = <see cref="Count"/>; a line parsed on its own
/// (<see cref="AuthLogParser.Parse(string)"/>) has no previous entry, so it is this event. rsyslog's
/// <c>message repeated 3 times: [ ... ]</c>, which names the message, is never this event: the entry is the repeated
/// message's event with <see cref="AuthLogEntry.RepeatCount"/> 3.
/// </summary>
public sealed record RepeatedMessage : AuthEvent
{
    /// <summary>How many more times the previous message came (the <c>N</c> of <c>repeated N times</c>).</summary>
    public int Count { get; init; }
}

/// <summary>
/// <c>May 31 07:20:01 nimbus -- MARK --</c>: syslogd's periodic mark (rsyslog's immark, sysklogd <c>-m</c>), proof the logger was
/// alive. The line has no tag: its entry's <see cref="AuthLogEntry.Program"/> is empty.
/// </summary>
public sealed record SyslogMark : AuthEvent;

/// <summary>
/// <c>May 31 06:25:02 host syslogd 1.4.1: restart.</c> or <c>syslogd 1.5.0: exiting on signal 15</c>: sysklogd's own
/// start and stop. Harmless: None.
/// </summary>
public sealed record SyslogDaemonEvent : AuthEvent
{
    /// <summary>The daemon's version: <c>1.4.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>What it said, without the final dot: <c>restart</c>, <c>exiting on signal 15</c>.</summary>
    public required string Action { get; init; }
}
