using System.Globalization;
using System.Text.RegularExpressions;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// What users write: a <c>[GeneratedRegex]</c> for the header, then one per message form, tried in order.
/// The same extraction as <see cref="HandWrittenParser"/>. (Regex lives only here, in the benchmarks, never in the library.)
/// </summary>
public static partial class RegexParser
{
    [GeneratedRegex(@"^(?<month>[A-Z][a-z]{2}) +(?<day>\d{1,2}) (?<h>\d\d):(?<m>\d\d):(?<s>\d\d) (?<host>\S+) (?<prog>[^\[:\s]+)(?:\[(?<pid>\d+)\])?: (?<msg>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^Invalid user (?<user>.*) from (?<host>\S+)(?: port (?<port>\d+))?")]
    private static partial Regex InvalidUser();

    [GeneratedRegex(@"^(?<kind>Failed|Accepted) \S+ for (?:invalid user )?(?<user>.*) from (?<host>\S+) port (?<port>\d+)")]
    private static partial Regex AuthResult();

    [GeneratedRegex(@"^Received disconnect from (?<host>\S+) port (?<port>\d+):(?<code>\d+): (?<reason>.*?)(?: \[preauth\])?$")]
    private static partial Regex ReceivedDisconnect();

    [GeneratedRegex(@"^(?<kind>Disconnected from|Connection closed by|Connection reset by) (?:(?:invalid|authenticating) user (?<user>.*) )?(?<host>\S+) port (?<port>\d+)")]
    private static partial Regex Closed();

    [GeneratedRegex(@"^Unable to negotiate with (?<host>\S+) port (?<port>\d+): no matching (?<alg>.+) found\. Their offer: (?<offer>\S+)")]
    private static partial Regex Negotiate();

    [GeneratedRegex(@"^error: kex_exchange_identification: (?<reason>.*)$")]
    private static partial Regex Kex();

    [GeneratedRegex(@"^(?<module>pam_\w+)\((?<service>[^:]+):(?<type>[^)]+)\): (?:session (?<what>opened|closed) for user (?<user>[^( ]+)|authentication failure;.* rhost=(?<host>\S*)(?:\s+user=(?<user2>\S+))?|(?<unknown>check pass; user unknown)$)")]
    private static partial Regex Pam();

    [GeneratedRegex(@"^\((?<user>[^)]+)\) CMD \((?<cmd>.*)\)$")]
    private static partial Regex Cron();

    [GeneratedRegex(@"^New session (?<id>\S+) of user (?<user>.+)\.$")]
    private static partial Regex NewSession();

    [GeneratedRegex(@"^Session (?<id>\S+) logged out\. Waiting for processes to exit\.$")]
    private static partial Regex LoggedOut();

    [GeneratedRegex(@"^Removed session (?<id>[^.]+)\.$")]
    private static partial Regex Removed();

    [GeneratedRegex(@"^ *(?<user>\S+) : (?:(?<reason>[^;=]+?) ; )?(?:TTY=(?<tty>[^;]*?) ; )?(?:PWD=(?<pwd>[^;]*?) ; )?(?:USER=(?<runas>[^;]*?) ; )?COMMAND=(?<cmd>.*)$")]
    private static partial Regex Sudo();

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static BaselineEntry? Parse(string line, int year)
    {
        if (ParseHeader(line) is not { } h) return null;
        var message = line[h.MessageStart..];
        return new BaselineEntry(new DateTimeOffset(year, h.Month, h.Day, h.Hour, h.Minute, h.Second, TimeSpan.Zero),
            h.Host, h.Program, h.ProcessId, message, ParseMessage(message));
    }

    /// <summary>The envelope of a classic syslog line (<c>May 31 07:07:22 nimbus sshd[52959]: </c>), or null.</summary>
    public static BaselineHeader? ParseHeader(string line)
    {
        var h = Header().Match(line);
        if (!h.Success) return null;
        return new BaselineHeader(
            Array.IndexOf(Months, h.Groups["month"].Value) + 1, Int(h.Groups["day"]),
            Int(h.Groups["h"]), Int(h.Groups["m"]), Int(h.Groups["s"]),
            h.Groups["host"].Value, h.Groups["prog"].Value, h.Groups["pid"].Success ? Int(h.Groups["pid"]) : null,
            h.Groups["msg"].Index);
    }

    /// <summary>The event of a message (the text after <c>program[pid]: </c>), whatever program wrote it.</summary>
    public static BaselineEvent ParseMessage(string m)
    {
        Match x;
        if ((x = InvalidUser().Match(m)).Success) return new("SshdInvalidUser", x.Groups["user"].Value, x.Groups["host"].Value, Port(x));
        if ((x = AuthResult().Match(m)).Success)
            return new(x.Groups["kind"].ValueSpan is "Failed" ? "SshdFailedAuthentication" : "SshdAcceptedAuthentication", x.Groups["user"].Value, x.Groups["host"].Value, Port(x));
        if ((x = ReceivedDisconnect().Match(m)).Success) return new("SshdReceivedDisconnect", null, x.Groups["host"].Value, Port(x));
        if ((x = Closed().Match(m)).Success)
        {
            var kind = x.Groups["kind"].ValueSpan switch
            {
                "Disconnected from" => "SshdDisconnected",
                "Connection closed by" => "SshdConnectionClosed",
                _ => "SshdConnectionReset",
            };
            return new(kind, x.Groups["user"].Success ? x.Groups["user"].Value : null, x.Groups["host"].Value, Port(x));
        }
        if ((x = Negotiate().Match(m)).Success) return new("SshdNegotiationFailed", null, x.Groups["host"].Value, Port(x));
        if ((x = Kex().Match(m)).Success) return new("SshdIdentificationError");
        if ((x = Pam().Match(m)).Success)
        {
            var detail = new BaselineDetail(Module: x.Groups["module"].Value, Service: x.Groups["service"].Value, Type: x.Groups["type"].Value);
            if (x.Groups["what"].Success)
                return new(x.Groups["what"].ValueSpan is "opened" ? "PamSessionOpened" : "PamSessionClosed", x.Groups["user"].Value, Detail: detail);
            if (x.Groups["unknown"].Success) return new("PamUserUnknown", Detail: detail);
            return new("PamAuthenticationFailure", x.Groups["user2"].Success ? x.Groups["user2"].Value : null, x.Groups["host"].Value, Detail: detail);
        }
        if ((x = Cron().Match(m)).Success) return new("CronCommand", x.Groups["user"].Value, Detail: new(Command: x.Groups["cmd"].Value));
        if ((x = NewSession().Match(m)).Success) return new("LogindNewSession", x.Groups["user"].Value, Detail: new(SessionId: x.Groups["id"].Value));
        if ((x = LoggedOut().Match(m)).Success) return new("LogindSessionLoggedOut", Detail: new(SessionId: x.Groups["id"].Value));
        if ((x = Removed().Match(m)).Success) return new("LogindSessionRemoved", Detail: new(SessionId: x.Groups["id"].Value));
        if ((x = Sudo().Match(m)).Success)
        {
            return new("SudoCommand", x.Groups["user"].Value, Detail: new(
                Command: x.Groups["cmd"].Value, RunAs: Optional(x.Groups["runas"]), Tty: Optional(x.Groups["tty"]),
                Pwd: Optional(x.Groups["pwd"]), Reason: Optional(x.Groups["reason"])));
        }
        return BaselineEvent.Unrecognized;
    }

    private static string? Optional(Group group) => group.Success ? group.Value : null;

    private static int Int(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    private static int? Port(Match x) => x.Groups["port"].Success ? Int(x.Groups["port"]) : null;
}
