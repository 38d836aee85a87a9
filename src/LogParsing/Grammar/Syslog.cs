using Pidgin;

namespace LogParsing.Grammar;

/// <summary>The syslog envelope: <c>May 31 07:07:22 nimbus sshd[52959]: message</c>.</summary>
/// <example>
/// <code>
/// // "May 31 07:07:22 vpn openvpn[1234]: Initialization Sequence Completed"
/// static readonly Parser&lt;char, (SyslogHeader Header, string Message)&gt; Line =
///     Parser.Map((header, message) =&gt; (header, message), Syslog.Header, Scan.Rest);
/// </code>
/// </example>
public static class Syslog
{
    /// <summary>Classic (<c>May 31 07:07:22</c>, <c>Feb 7 16:01:07.000</c>) or RFC 3339 (<c>2024-05-31T07:07:22.123456+00:00</c>) stamp.</summary>
    public static readonly Parser<char, SyslogTimestamp> Timestamp = new SyslogTimestampParser();

    /// <summary>
    /// A stamp that writes its year (RFC 3339 / ISO 8601 with <c>T</c> or a space, classic with a year, journalctl epoch) as
    /// an instant: its own offset, else <paramref name="timeZone"/>'s at that time. Fails without consuming on a stamp
    /// without a year and on a date that does not exist. For an application's own log, whose stamps have no zone.
    /// Example: <c>2024-05-31 07:07:22.123</c> in <c>2024-05-31 07:07:22.123 [WARN] login failed user=bob</c>.
    /// </summary>
    /// <param name="timeZone">The zone of stamps written without an offset; null for the local zone.</param>
    public static Parser<char, DateTimeOffset> DatedTimestamp(TimeZoneInfo? timeZone = null) =>
        new DatedTimestampParser(timeZone ?? TimeZoneInfo.Local);

    /// <summary>The host field: a word that is not a program tag. Example: <c>nimbus</c>.</summary>
    public static readonly Parser<char, string> HostName = new HostNameParser();

    /// <summary><c>sshd[52959]: </c> or <c>sudo: </c>, with the one space after the colon.</summary>
    public static readonly Parser<char, ProgramTag> Tag = new ProgramTagParser();

    /// <summary>A syslog priority, <c>&lt;38&gt;</c>: facility × 8 + severity. Example: <c>&lt;38&gt;</c> of <c>&lt;38&gt;May 31 07:07:22 nimbus sshd[1]: ...</c>.</summary>
    public static readonly Parser<char, int> Priority = Scan.Literal("<").Then(Scan.Integer).Before(Scan.Literal(">"));

    /// <summary>
    /// What BSD syslogd <c>-v</c>/<c>-vv</c> and busybox write before the tag: <c>&lt;4.3&gt; </c>, <c>&lt;auth.info&gt; </c>,
    /// or <c>auth.info </c> after the host. Skipped.
    /// </summary>
    public static readonly Parser<char, Unit> FacilityLevel =
        Scan.FirstOf(Scan.Literal("<").Then(Scan.Until(">")).Then(Scan.Literal("> ")), new FacilityLevelParser());

    /// <summary>RFC 5424 STRUCTURED-DATA: <c>-</c> (null) or <c>[timeQuality tzKnown="1"]</c> as written.</summary>
    public static readonly Parser<char, string?> StructuredData = new StructuredDataParser();

    private static readonly Parser<char, string?> NilOrWord = Scan.Word.Select(w => w == "-" ? null : w);

    // "nimbus sshd[52959]: ": host (optional) and tag, with BSD/busybox facility.level where it occurs
    private static readonly Parser<char, (string? Host, ProgramTag Tag)> ClassicTail =
        Parser.Map(
            (host, tag) => (host.HasValue ? host.Value : null, tag),
            FacilityLevel.Maybe().Then(HostName.Before(Scan.Spaces).Maybe()),
            FacilityLevel.Maybe().Then(Tag));

    // socklog (runit) after svlogd's stamp: "auth.info: " where the priority was, then what the program sent, which from
    // glibc's syslog() is its own classic stamp and tag: "auth.info: May 27 04:31:27 sshd[1204]: ".
    private static readonly Parser<char, (string? Host, ProgramTag Tag)> SocklogTail =
        new FacilityLevelParser(": ").Then(Timestamp.Before(Scan.Spaces).Maybe()).Then(Tag).Select(tag => ((string?)null, tag));

    // RFC 5424 after the stamp: "host app procid msgid SD msg" with "-" for nil: "hostname.example.com sshd 57915 - - "
    private static readonly Parser<char, (string? Host, ProgramTag Tag)> Rfc5424Tail =
        Parser.Map(
            (host, app, procid) => (host, new ProgramTag(StringPool.Shared.Get(app ?? ""), int.TryParse(procid, out var pid) ? pid : null)),
            NilOrWord.Before(Scan.Space),
            NilOrWord.Before(Scan.Space),
            NilOrWord.Before(Scan.Space).Before(Scan.Word).Before(Scan.Space).Before(StructuredData).Before(Scan.FirstOf(Scan.Spaces, Scan.End)));

    // Every envelope the common scan does not read: a priority and RFC 5424's version, then the stamp, host and tag.
    private static readonly Parser<char, SyslogHeader> General =
        Parser.Map(
            (stamp, tail) => new SyslogHeader(stamp, tail.Host, tail.Tag.Program, tail.Tag.ProcessId),
            Priority.Then(Scan.Literal("1 ").Maybe()).Maybe().Then(Timestamp).Before(Scan.Spaces),
            Scan.FirstOf(SocklogTail, ClassicTail, Rfc5424Tail));

    private static readonly Parser<char, (SyslogHeader Header, int End)> GeneralAndEnd =
        Parser.Map((header, end) => (header, end), General, Parser<char>.CurrentOffset);

    /// <summary>
    /// The whole envelope up to the message. Examples: <c>May 31 07:07:22 nimbus sshd[52959]: </c>,
    /// <c>2024-05-31T07:07:22.123456+00:00 nimbus sshd-session[52959]: </c>, <c>Nov 23 21:50:19 sshd[8148]: </c> (no host),
    /// <c>&lt;38&gt;1 2019-07-08T17:40:16.954167-04:00 host sshd 57915 - - </c> (RFC 5424).
    /// </summary>
    /// <remarks>The common envelope (stamp, host, tag) is read by one span scan; the composed grammar behind it reads the rest.</remarks>
    public static readonly Parser<char, SyslogHeader> Header = Scan.FirstOf(new CommonHeaderParser(), General);

    /// <summary>
    /// Reads the envelope at the start of <paramref name="line"/> as <see cref="Header"/> does, outside a grammar: the
    /// common envelope by one scan with nothing allocated, the others by the grammar. False when the line has none.
    /// </summary>
    /// <example>
    /// <code>
    /// if (Syslog.TryReadHeader(line, out var header, out var start))
    ///     Console.WriteLine($"{header.Program}: {line[start..]}");
    /// </code>
    /// </example>
    /// <param name="line">The raw line.</param>
    /// <param name="header">The envelope, when there is one.</param>
    /// <param name="messageStart">Where the message starts in <paramref name="line"/> (after <c>program[pid]: </c>).</param>
    public static bool TryReadHeader(ReadOnlySpan<char> line, out SyslogHeader header, out int messageStart)
    {
        messageStart = CommonHeaderParser.TryRead(line, out header);
        if (messageStart > 0) return true;
        var result = GeneralAndEnd.Parse(line, Quiet.Configuration);
        if (!result.Success)
        {
            header = default;
            return false;
        }
        (header, messageStart) = result.Value;
        return true;
    }
}
