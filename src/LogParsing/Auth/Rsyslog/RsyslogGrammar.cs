using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Rsyslog;

/// <summary>
/// The lines rsyslog writes itself under another program's tag: its duplicate-suppression summaries
/// (rsyslog <c>action.c</c>: <c>"message repeated %d times: [%.800s]"</c> and the legacy <c>"last message repeated %d times"</c>).
/// </summary>
public static class RsyslogGrammar
{
    private const string RepeatedPrefix = "message repeated ";
    private const string LegacyRepeatedPrefix = "last message repeated ";

    /// <summary>True when <paramref name="message"/> starts like a repeated-message summary, whatever program it is under.</summary>
    /// <param name="message">The message after the syslog header.</param>
    public static bool IsRepeatedMessage(ReadOnlySpan<char> message) =>
        message.StartsWith(RepeatedPrefix, StringComparison.Ordinal) || message.StartsWith(LegacyRepeatedPrefix, StringComparison.Ordinal);

    // "message repeated %d times: [%.800s]": the message keeps rsyslog's leading space, "[ Failed password ...]"
    private static readonly Parser<char, AuthEvent> Repeated =
        Parser.Map(
            (count, text) => (AuthEvent)new RepeatedMessage { Count = count, Text = text },
            Integer.Before(Literal(" times: [")),
            Space.Maybe().Then(RestBefore("]")).Before(Literal("]")).Before(End));

    // "last message repeated %d times"
    private static readonly Parser<char, AuthEvent> LegacyRepeated =
        Integer.Before(Literal(" times")).Before(End).Select(count => (AuthEvent)new RepeatedMessage { Count = count });

    /// <summary>A whole repeated-message summary: <c>message repeated 2 times: [ text]</c> or <c>last message repeated 2 times</c>.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        (RepeatedPrefix, Repeated),
        (LegacyRepeatedPrefix, LegacyRepeated));

    /// <summary>The text of syslogd's mark lines, written when nothing else was logged for a while.</summary>
    public const string MarkText = "-- MARK --";

    private static readonly Parser<char, Unit> MarkAhead = Parser.Lookahead(Literal(MarkText).Then(End));

    /// <summary>
    /// The envelope of a mark line, <c>May 31 07:20:01 nimbus -- MARK --</c>: a stamp and a host, and no tag (the entry's
    /// program is empty). The message is the mark itself.
    /// </summary>
    public static readonly Parser<char, SyslogHeader> MarkHeader =
        Parser.Map(
            (stamp, host) => new SyslogHeader(stamp, host, string.Empty, null),
            Syslog.Timestamp.Before(Spaces),
            FirstOf(MarkAhead.ThenReturn((string?)null), Syslog.HostName.Before(Spaces).Before(MarkAhead).Select(h => (string?)h)));

    /// <summary><c>-- MARK --</c>: the whole message of a mark line (its tag is empty: the header has none).</summary>
    public static readonly Parser<char, AuthEvent> Mark = Literal(MarkText).Then(End).ThenReturn((AuthEvent)new SyslogMark());

    /// <summary>The rsyslog family's claims: what the syslog daemon writes itself, its repeat summaries (under the repeated program's tag) and mark lines.</summary>
    internal static readonly AuthFamily Family = new("rsyslog")
    {
        Messages = [new("message repeated ", Body), new("last message repeated ", Body)],
        Headers = [MarkHeader],
        Programs = ProgramClaim.All(Mark, string.Empty),
        Json = RsyslogJsonContext.Default,
    };
}
