using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Grammar;

/// <summary>The syslog envelope: <c>May 31 07:07:22 nimbus sshd[52959]: message</c>.</summary>
public static class Syslog
{
    /// <summary>Classic (<c>May 31 07:07:22</c>, <c>Feb 7 16:01:07.000</c>) or RFC 3339 (<c>2024-05-31T07:07:22.123456+00:00</c>) stamp.</summary>
    public static readonly Parser<char, SyslogTimestamp> Timestamp = new SyslogTimestampParser();

    /// <summary>The host field: a word that is not a program tag. Example: <c>nimbus</c>.</summary>
    public static readonly Parser<char, string> HostName = new HostNameParser();

    /// <summary><c>sshd[52959]: </c> or <c>sudo: </c>, with the one space after the colon.</summary>
    public static readonly Parser<char, ProgramTag> Tag = new ProgramTagParser();

    /// <summary>A syslog priority, <c>&lt;38&gt;</c>: facility × 8 + severity.</summary>
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

    // RFC 5424 after the stamp: "host app procid msgid SD msg" with "-" for nil: "hostname.example.com sshd 57915 - - "
    private static readonly Parser<char, (string? Host, ProgramTag Tag)> Rfc5424Tail =
        Parser.Map(
            (host, app, procid) => (host, new ProgramTag(StringPool.Shared.Get(app ?? ""), int.TryParse(procid, out var pid) ? pid : null)),
            NilOrWord.Before(Scan.Space),
            NilOrWord.Before(Scan.Space),
            NilOrWord.Before(Scan.Space).Before(Scan.Word).Before(Scan.Space).Before(StructuredData).Before(Scan.FirstOf(Scan.Spaces, Scan.End)));

    /// <summary>
    /// The whole envelope up to the message. Examples: <c>May 31 07:07:22 nimbus sshd[52959]: </c>,
    /// <c>2024-05-31T07:07:22.123456+00:00 nimbus sshd-session[52959]: </c>, <c>Nov 23 21:50:19 sshd[8148]: </c> (no host),
    /// <c>&lt;38&gt;1 2019-07-08T17:40:16.954167-04:00 host sshd 57915 - - </c> (RFC 5424).
    /// </summary>
    public static readonly Parser<char, SyslogHeader> Header =
        Parser.Map(
            (stamp, tail) => new SyslogHeader(stamp, tail.Host, tail.Tag.Program, tail.Tag.ProcessId),
            Priority.Then(Scan.Literal("1 ").Maybe()).Maybe().Then(Timestamp).Before(Scan.Spaces),
            Scan.FirstOf(ClassicTail, Rfc5424Tail));
}
