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
