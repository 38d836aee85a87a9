using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Rsyslog;

/// <summary>
/// The lines a syslog daemon writes itself: rsyslog's duplicate-suppression summaries (rsyslog <c>action.c</c>:
/// <c>"message repeated %d times: [%.800s]"</c> under the repeated program's tag, and the legacy
/// <c>"last message repeated %d times"</c>), BSD and macOS syslogd's <c>--- last message repeated %d time(s) ---</c> without a
/// tag, and the periodic <c>-- MARK --</c>.
/// </summary>
public static class RsyslogGrammar
{
    private const string RepeatedPrefix = "message repeated ";
    internal const string LegacyRepeatedPrefix = "last message repeated ";
    internal const string DashedRepeatedPrefix = "--- last message repeated ";

    /// <summary>The text of syslogd's mark lines, written when nothing else was logged for a while.</summary>
    public const string MarkText = "-- MARK --";

    // "%d times" or, on macOS, "1 time"
    private static readonly Parser<char, int> Times = Integer.Before(Literal(" time")).Before(Literal("s").Maybe());

    // "last message repeated %d times" (rsyslog's legacy form, FreeBSD syslogd); macOS adds dashes around it.
    private static readonly Parser<char, AuthEvent> LegacyRepeated = Times.Before(End).Select(count => (AuthEvent)new RepeatedMessage { Count = count });

    private static readonly Parser<char, AuthEvent> DashedRepeated = Times.Before(Literal(" ---")).Before(End).Select(count => (AuthEvent)new RepeatedMessage { Count = count });

    /// <summary>A summary of the previous message's repeats: <c>last message repeated 2 times</c>, <c>--- last message repeated 1 time ---</c>.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        (LegacyRepeatedPrefix, LegacyRepeated),
        (DashedRepeatedPrefix, DashedRepeated));

    // What syslogd writes without a tag, after the host: a mark, or the previous message's repeats.
    private static readonly Parser<char, Unit> TaglessAhead =
        Parser.Lookahead(Switch(
            (MarkText, End.ThenReturn(Unit.Value)),
            (DashedRepeatedPrefix, Parser<char>.Return(Unit.Value)),
            (LegacyRepeatedPrefix, Parser<char>.Return(Unit.Value))));

    /// <summary>
    /// The envelope of the lines syslogd writes without a tag (<c>May 31 07:20:01 nimbus -- MARK --</c>,
    /// <c>Oct 24 10:26:29 macbook --- last message repeated 1 time ---</c>): a stamp and a host, and an empty program. The
    /// message is the text after the host.
    /// </summary>
    public static readonly Parser<char, SyslogHeader> TaglessHeader =
        Parser.Map(
            (stamp, host) => new SyslogHeader(stamp, host, string.Empty, null),
            Syslog.Timestamp.Before(Spaces),
            FirstOf(TaglessAhead.ThenReturn((string?)null), Syslog.HostName.Before(Spaces).Before(TaglessAhead).Select(h => (string?)h)));

    /// <summary>
    /// The envelope of sysklogd's own lines, <c>May 31 06:25:02 host syslogd 1.4.1: restart.</c>: a stamp, a host, and the
    /// word <c>syslogd</c> where a tag would be (its version follows with no brackets). The program is <c>syslogd</c>; the
    /// message starts at the version.
    /// </summary>
    public static readonly Parser<char, SyslogHeader> SyslogdHeader =
        Parser.Map(
            (stamp, host) => new SyslogHeader(stamp, host, "syslogd", null),
            Syslog.Timestamp.Before(Spaces),
            FirstOf(Parser.Lookahead(Literal("syslogd ")).ThenReturn((string?)null), Syslog.HostName.Before(Spaces).Select(h => (string?)h)))
            .Before(Literal("syslogd "));

    // sysklogd syslogd.c: "syslogd %s: restart.", "syslogd %s: exiting on signal %d" (after the header: "1.4.1: restart.")
    internal static readonly Parser<char, AuthEvent> SyslogdOwn =
        Parser.Map(
            (version, action) => (AuthEvent)new SyslogDaemonEvent { Version = version, Action = action },
            Until(": ", intern: true).Before(Literal(": ")), RestBefore(".").Before(Literal(".").Maybe()).Before(End));

    /// <summary><c>-- MARK --</c>: the whole message of a mark line (its tag is empty: the header has none).</summary>
    public static readonly Parser<char, AuthEvent> Mark = Literal(MarkText).Then(End).ThenReturn((AuthEvent)new SyslogMark());

    /// <summary>
    /// <c>message repeated %d times: [%.800s]</c>: the repeated message, without the space rsyslog keeps before it, and
    /// the count. rsyslog cuts the message at 800 characters, so a long one may have lost its end.
    /// </summary>
    internal sealed class RepeatedMessageWrapper : MessageWrapper
    {
        public override string Prefix => RepeatedPrefix;

        public override bool TryUnwrap(ReadOnlySpan<char> message, out Range inner, out int repeat)
        {
            inner = default;
            repeat = 1;
            var rest = message[RepeatedPrefix.Length..];
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
            const string Middle = " times: [";
            if (digits == 0 || !rest[digits..].StartsWith(Middle, StringComparison.Ordinal) || !AsciiNumber.TryParseInt32(rest[..digits], out repeat)) return false;
            var start = RepeatedPrefix.Length + digits + Middle.Length;
            var end = message.TrimEnd(" \t").LastIndexOf(']');
            if (end < start) return false;
            if (start < end && message[start] == ' ') start++;
            inner = start..end;
            return true;
        }
    }
}
