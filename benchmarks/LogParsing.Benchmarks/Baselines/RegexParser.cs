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

    [GeneratedRegex(@"^pam_unix\((?<service>[^:]+):(?<type>[^)]+)\): (?:session (?<what>opened|closed) for user (?<user>[^( ]+)|authentication failure;.* rhost=(?<host>\S*)(?:\s+user=(?<user2>\S+))?)")]
    private static partial Regex Pam();

    [GeneratedRegex(@"^\((?<user>[^)]+)\) CMD \((?<cmd>.*)\)$")]
    private static partial Regex Cron();

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static BaselineEntry? Parse(string line, int year)
    {
        var h = Header().Match(line);
        if (!h.Success) return null;
        var month = Array.IndexOf(Months, h.Groups["month"].Value) + 1;
        var timestamp = new DateTimeOffset(year, month, int.Parse(h.Groups["day"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(h.Groups["h"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(h.Groups["m"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(h.Groups["s"].ValueSpan, CultureInfo.InvariantCulture), TimeSpan.Zero);
        var message = h.Groups["msg"].Value;
        var pid = h.Groups["pid"].Success ? int.Parse(h.Groups["pid"].ValueSpan, CultureInfo.InvariantCulture) : (int?)null;
        var (kind, user, host, port) = Body(message);
        return new BaselineEntry(timestamp, h.Groups["host"].Value, h.Groups["prog"].Value, pid, message, kind, user, host, port);
    }

    private static (string, string?, string?, int?) Body(string m)
    {
        Match x;
        if ((x = InvalidUser().Match(m)).Success) return ("InvalidUser", x.Groups["user"].Value, x.Groups["host"].Value, Port(x));
        if ((x = AuthResult().Match(m)).Success) return (x.Groups["kind"].Value, x.Groups["user"].Value, x.Groups["host"].Value, Port(x));
        if ((x = ReceivedDisconnect().Match(m)).Success) return ("ReceivedDisconnect", null, x.Groups["host"].Value, Port(x));
        if ((x = Closed().Match(m)).Success) return (x.Groups["kind"].Value, x.Groups["user"].Success ? x.Groups["user"].Value : null, x.Groups["host"].Value, Port(x));
        if ((x = Negotiate().Match(m)).Success) return ("NegotiationFailed", null, x.Groups["host"].Value, Port(x));
        if ((x = Kex().Match(m)).Success) return ("IdentificationError", null, null, null);
        if ((x = Pam().Match(m)).Success)
            return x.Groups["what"].Success ? ("Session", x.Groups["user"].Value, null, null) : ("PamFailure", x.Groups["user2"].Success ? x.Groups["user2"].Value : null, x.Groups["host"].Value, null);
        if ((x = Cron().Match(m)).Success) return ("CronCommand", x.Groups["user"].Value, null, null);
        return ("Unrecognized", null, null, null);
    }

    private static int? Port(Match x) => x.Groups["port"].Success ? int.Parse(x.Groups["port"].ValueSpan, CultureInfo.InvariantCulture) : null;
}
