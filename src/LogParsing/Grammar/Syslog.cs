using Pidgin;

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

    /// <summary>The whole envelope up to the message. Example: <c>May 31 07:07:22 nimbus sshd[52959]: </c>.</summary>
    public static readonly Parser<char, SyslogHeader> Header =
        Parser.Map(
            (stamp, host, tag) => new SyslogHeader(stamp, host.HasValue ? host.Value : null, tag.Program, tag.ProcessId),
            Timestamp.Before(Scan.Spaces),
            HostName.Before(Scan.Spaces).Optional(),
            Tag);
}
