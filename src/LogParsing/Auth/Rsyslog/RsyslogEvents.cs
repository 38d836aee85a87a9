namespace LogParsing.Auth.Rsyslog;

/// <summary>
/// rsyslog's duplicate suppression (<c>$RepeatedMsgReduction on</c>): <c>message repeated 3 times: [ Failed password for root ...]</c>,
/// or the legacy <c>last message repeated 3 times</c>, written under the tag of the program whose message repeated.
/// The repeated message's own event is not parsed: <see cref="Text"/> holds it.
/// </summary>
public sealed record RepeatedMessage : AuthEvent
{
    /// <summary>How many more times the message came (the <c>N</c> of <c>repeated N times</c>).</summary>
    public int Count { get; init; }

    /// <summary>The repeated message, without the space rsyslog keeps before it; null for <c>last message repeated N times</c>, which does not say.</summary>
    public string? Text { get; init; }
}

/// <summary>
/// <c>May 31 07:20:01 nimbus -- MARK --</c>: syslogd's periodic mark (rsyslog's immark, sysklogd <c>-m</c>), proof the logger was
/// alive. The line has no tag: its entry's <see cref="AuthLogEntry.Program"/> is empty.
/// </summary>
public sealed record SyslogMark : AuthEvent;
