using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Logind;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Sudo;
using LogParsing.Grammar;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// What users write: a <c>[GeneratedRegex]</c> for the header, then one per message form with named groups, tried in
/// order, into the library's own records with the same fields as <see cref="HandWrittenParser"/> (and the library):
/// addresses parsed with <see cref="IPAddress.TryParse(string, out IPAddress)"/>, numbers with <c>int.Parse</c>, the
/// offer with <c>string.Split</c>. It covers the same lines; a message of a known program in another form gives null.
/// (Regex lives only here, in the benchmarks, never in the library.)
/// </summary>
public static partial class RegexParser
{
    [GeneratedRegex(@"^(?:(?<month>[A-Z][a-z]{2}) (?<day>[ \d]\d) (?<h>\d\d):(?<m>\d\d):(?<s>\d\d)|(?<stamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?(?:Z|[+-]\d\d:\d\d))) (?<host>\S+) (?<prog>[^\[:\s]+)(?:\[(?<pid>\d+)\])?: (?<msg>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^message repeated (?<n>\d+) times: \[ (?<inner>.*)\]$")]
    private static partial Regex Repeated();

    // sshd's forms, each with the level prefix and phase suffix it can carry
    [GeneratedRegex(@"^Invalid user (?<user>.*) from (?<host>\S+) port (?<port>\d+)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex InvalidUser();

    [GeneratedRegex(@"^Failed (?<method>\S+) for (?<invalid>invalid user )?(?<user>.*) from (?<host>\S+) port (?<port>\d+) (?<proto>ssh2)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex Failed();

    [GeneratedRegex(@"^Accepted (?<method>\S+) for (?<user>.*) from (?<host>\S+) port (?<port>\d+) (?<proto>ssh2)(?:: (?<details>(?<keytype>\S+)(?: (?<fp>.+))?))?$")]
    private static partial Regex Accepted();

    [GeneratedRegex(@"^Received disconnect from (?<host>\S+) port (?<port>\d+):(?<code>\d+): (?<reason>.*?)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex ReceivedDisconnect();

    [GeneratedRegex(@"^(?<kind>Disconnected from|Connection closed by|Connection reset by) (?:(?<state>invalid user|authenticating user|user) (?<user>.*) )?(?<host>\S+) port (?<port>\d+)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex Closing();

    [GeneratedRegex(@"^Unable to negotiate with (?<host>\S+) port (?<port>\d+): no matching (?<alg>.+?) found\. Their offer: (?<offer>\S+)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex Negotiation();

    [GeneratedRegex(@"^(?<level>error|fatal): kex_exchange_identification: (?<reason>.*?)(?: \[(?<phase>preauth|postauth)\])?$")]
    private static partial Regex Identification();

    // pam_unix's forms, each with the module(service:type) prefix
    [GeneratedRegex(@"^(?<module>pam_\w+)\((?<service>[^:]+):(?<type>[^)]+)\): session opened for user (?<user>[^(]*?)(?:\(uid=(?<uid>\d+)\))? by (?<by>[^(]*)(?:\(uid=(?<byuid>\d+)\))?$")]
    private static partial Regex SessionOpened();

    [GeneratedRegex(@"^(?<module>pam_\w+)\((?<service>[^:]+):(?<type>[^)]+)\): session closed for user (?<user>.+)$")]
    private static partial Regex SessionClosed();

    [GeneratedRegex(@"^(?<module>pam_\w+)\((?<service>[^:]+):(?<type>[^)]+)\): authentication failure; logname=(?<logname>\S*) uid=(?<uid>\d*) euid=(?<euid>\d*) tty=(?<tty>\S*) ruser=(?<ruser>\S*) rhost=(?<rhost>\S*)(?: +user=(?<user>\S*))? *$")]
    private static partial Regex AuthenticationFailure();

    [GeneratedRegex(@"^(?<module>pam_\w+)\((?<service>[^:]+):(?<type>[^)]+)\): check pass; user unknown$")]
    private static partial Regex UserUnknown();

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

    /// <summary>The entry of <paramref name="line"/> (classic stamps in <paramref name="year"/>, UTC), or null when the line is not covered.</summary>
    public static AuthLogEntry? Parse(string line, int year)
    {
        if (ParseHeader(line) is not { } h) return null;
        var message = line[h.MessageStart..];
        if (ParseMessage(h.Program, message, out var repeat) is not { } evt) return null;
        return h.Entry(year, message, evt, repeat);
    }

    /// <summary>The envelope of a syslog line (<c>May 31 07:07:22 nimbus sshd[52959]: </c>, or with an RFC 3339 stamp), or null.</summary>
    public static BaselineHeader? ParseHeader(string line)
    {
        var h = Header().Match(line);
        if (!h.Success) return null;
        SyslogTimestamp stamp;
        if (h.Groups["stamp"].Success)
        {
            var exact = DateTimeOffset.Parse(h.Groups["stamp"].Value, CultureInfo.InvariantCulture);
            stamp = new SyslogTimestamp(exact.Year, exact.Month, exact.Day, exact.Hour, exact.Minute, exact.Second, exact.Ticks % TimeSpan.TicksPerSecond, exact.Offset);
        }
        else
        {
            stamp = new SyslogTimestamp(null, Array.IndexOf(Months, h.Groups["month"].Value) + 1, int.Parse(h.Groups["day"].ValueSpan.TrimStart(' '), CultureInfo.InvariantCulture),
                Int(h.Groups["h"]), Int(h.Groups["m"]), Int(h.Groups["s"]), 0, null);
        }
        return new BaselineHeader(stamp, h.Groups["host"].Value, h.Groups["prog"].Value, h.Groups["pid"].Success ? Int(h.Groups["pid"]) : null, h.Groups["msg"].Index);
    }

    /// <summary>
    /// The event of a message of <paramref name="program"/>, and the count of an rsyslog repeat summary; null when the
    /// message is not covered. The same dispatch as <see cref="HandWrittenParser.ParseMessage"/>.
    /// </summary>
    public static AuthEvent? ParseMessage(string program, string m, out int repeat)
    {
        repeat = 1;
        Match x;
        if ((x = Repeated().Match(m)).Success)
        {
            repeat = Int(x.Groups["n"]);
            m = x.Groups["inner"].Value;
        }
        if (m.StartsWith("pam_", StringComparison.Ordinal)) return Pam(m);
        return program switch
        {
            "sshd" or "sshd-session" => Sshd(m),
            "CRON" => (x = Cron().Match(m)).Success ? new CronCommand { User = x.Groups["user"].Value, Command = x.Groups["cmd"].Value } : null,
            "sudo" => Sudo(m),
            "systemd-logind" => Logind(m),
            "su" => null,
            // What users write for the lines they do not care about: a record that says so.
            _ => new UnrecognizedEvent(),
        };
    }

    private static SshdEvent? Sshd(string m)
    {
        Match x;
        if ((x = InvalidUser().Match(m)).Success)
            return new SshdInvalidUser { User = x.Groups["user"].Value, Remote = Remote(x), Phase = Phase(x) };
        if ((x = Failed().Match(m)).Success)
        {
            return new SshdFailedAuthentication
            {
                Method = x.Groups["method"].Value, InvalidUser = x.Groups["invalid"].Success, User = x.Groups["user"].Value, Remote = Remote(x),
                Protocol = x.Groups["proto"].Value, Phase = Phase(x),
            };
        }
        if ((x = Accepted().Match(m)).Success)
        {
            return new SshdAcceptedAuthentication
            {
                Method = x.Groups["method"].Value, User = x.Groups["user"].Value, Remote = Remote(x), Protocol = x.Groups["proto"].Value,
                KeyType = Optional(x.Groups["keytype"]), Fingerprint = Optional(x.Groups["fp"]), Details = Optional(x.Groups["details"]),
            };
        }
        if ((x = ReceivedDisconnect().Match(m)).Success)
            return new SshdReceivedDisconnect { Remote = Remote(x), Code = Int(x.Groups["code"]), Reason = x.Groups["reason"].Value, Phase = Phase(x) };
        if ((x = Closing().Match(m)).Success)
        {
            var (user, state, remote, phase) = (Optional(x.Groups["user"]), State(x.Groups["state"]), Remote(x), Phase(x));
            return x.Groups["kind"].ValueSpan switch
            {
                "Disconnected from" => new SshdDisconnected { User = user, UserState = state, Remote = remote, Phase = phase },
                "Connection closed by" => new SshdConnectionClosed { User = user, UserState = state, Remote = remote, Phase = phase },
                _ => new SshdConnectionReset { User = user, UserState = state, Remote = remote, Phase = phase },
            };
        }
        if ((x = Negotiation().Match(m)).Success)
        {
            return new SshdNegotiationFailed
            {
                Remote = Remote(x), Algorithm = x.Groups["alg"].Value, Offer = [.. x.Groups["offer"].Value.Split(',')], Phase = Phase(x),
            };
        }
        if ((x = Identification().Match(m)).Success)
        {
            return new SshdIdentificationError
            {
                Reason = x.Groups["reason"].Value, Level = x.Groups["level"].ValueSpan is "error" ? SshdLogLevel.Error : SshdLogLevel.Fatal, Phase = Phase(x),
            };
        }
        return null;
    }

    private static PamEvent? Pam(string m)
    {
        Match x;
        if ((x = SessionOpened().Match(m)).Success)
        {
            return new PamSessionOpened
            {
                Module = x.Groups["module"].Value, Service = x.Groups["service"].Value, Type = x.Groups["type"].Value,
                User = Optional(x.Groups["user"]), Uid = OptionalInt(x.Groups["uid"]), By = Optional(x.Groups["by"]), ByUid = OptionalInt(x.Groups["byuid"]),
            };
        }
        if ((x = SessionClosed().Match(m)).Success)
            return new PamSessionClosed { Module = x.Groups["module"].Value, Service = x.Groups["service"].Value, Type = x.Groups["type"].Value, User = x.Groups["user"].Value };
        if ((x = AuthenticationFailure().Match(m)).Success)
        {
            var rhost = Optional(x.Groups["rhost"]);
            return new PamAuthenticationFailure
            {
                Module = x.Groups["module"].Value, Service = x.Groups["service"].Value, Type = x.Groups["type"].Value,
                Logname = Optional(x.Groups["logname"]), Uid = OptionalInt(x.Groups["uid"]), Euid = OptionalInt(x.Groups["euid"]),
                Tty = Optional(x.Groups["tty"]), Ruser = Optional(x.Groups["ruser"]), Rhost = rhost, User = Optional(x.Groups["user"]),
                Remote = rhost is null ? null : new RemoteEndpoint(rhost, IPAddress.TryParse(rhost, out var address) ? address : null, null),
            };
        }
        if ((x = UserUnknown().Match(m)).Success)
            return new PamUserUnknown { Module = x.Groups["module"].Value, Service = x.Groups["service"].Value, Type = x.Groups["type"].Value };
        return null;
    }

    private static AuthEvent? Logind(string m)
    {
        Match x;
        if ((x = NewSession().Match(m)).Success) return new LogindNewSession { SessionId = x.Groups["id"].Value, User = x.Groups["user"].Value };
        if ((x = LoggedOut().Match(m)).Success) return new LogindSessionLoggedOut { SessionId = x.Groups["id"].Value };
        if ((x = Removed().Match(m)).Success) return new LogindSessionRemoved { SessionId = x.Groups["id"].Value };
        return null;
    }

    private static SudoCommand? Sudo(string m)
    {
        var x = Sudo().Match(m);
        if (!x.Success) return null;
        return new SudoCommand
        {
            User = x.Groups["user"].Value, Command = x.Groups["cmd"].Value, RunAs = Optional(x.Groups["runas"]), Tty = Optional(x.Groups["tty"]),
            Pwd = Optional(x.Groups["pwd"]), Reason = Optional(x.Groups["reason"]),
        };
    }

    private static RemoteEndpoint Remote(Match x)
    {
        var host = x.Groups["host"].Value;
        return new RemoteEndpoint(host, IPAddress.TryParse(host, out var address) ? address : null, x.Groups["port"].Success ? Int(x.Groups["port"]) : null);
    }

    private static SshdPhase Phase(Match x) => x.Groups["phase"].ValueSpan switch
    {
        "preauth" => SshdPhase.Preauth,
        "postauth" => SshdPhase.Postauth,
        _ => SshdPhase.None,
    };

    private static SshdUserState State(Group state) => state.ValueSpan switch
    {
        "invalid user" => SshdUserState.Invalid,
        "authenticating user" => SshdUserState.Authenticating,
        "user" => SshdUserState.Authenticated,
        _ => SshdUserState.None,
    };

    // An empty or missing group is null, as the library's records have it.
    private static string? Optional(Group group) => group.Success && group.Length > 0 ? group.Value : null;

    private static int? OptionalInt(Group group) => group.Success && group.Length > 0 ? Int(group) : null;

    private static int Int(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);
}
