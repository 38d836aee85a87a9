using System.Globalization;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The floor: a hand-written span parser for the corpus's message forms (sshd, PAM, cron, sudo, systemd-logind as the
/// benchmarks generate them), the fastest code one would write for them (no generality, no error reporting). Kept to
/// measure how far the Pidgin grammar is from it.
/// </summary>
public static class HandWrittenParser
{
    public static BaselineEntry? Parse(ReadOnlySpan<char> line, int year)
    {
        if (ParseHeader(line) is not { } header) return null;
        var message = line[header.MessageStart..];
        return new BaselineEntry(
            new DateTimeOffset(year, header.Month, header.Day, header.Hour, header.Minute, header.Second, TimeSpan.Zero),
            header.Host, header.Program, header.ProcessId, new string(message), ParseMessage(message));
    }

    /// <summary>The envelope of a classic syslog line (<c>May 31 07:07:22 nimbus sshd[52959]: </c>), or null.</summary>
    public static BaselineHeader? ParseHeader(ReadOnlySpan<char> line)
    {
        if (line.Length < 16) return null;
        var month = line[..3] switch
        {
            "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
            "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12, _ => 0,
        };
        if (month == 0) return null;
        var day = (line[4] == ' ' ? 0 : line[4] - '0') * 10 + (line[5] - '0');
        var hour = (line[7] - '0') * 10 + (line[8] - '0');
        var minute = (line[10] - '0') * 10 + (line[11] - '0');
        var second = (line[13] - '0') * 10 + (line[14] - '0');
        var rest = line[16..];
        var space = rest.IndexOf(' ');
        if (space < 0) return null;
        var host = rest[..space];
        rest = rest[(space + 1)..];
        var colon = rest.IndexOf(": ");
        if (colon < 0) return null;
        var tag = rest[..colon];
        int? pid = null;
        var open = tag.IndexOf('[');
        if (open > 0)
        {
            pid = int.Parse(tag[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture);
            tag = tag[..open];
        }
        return new BaselineHeader(month, day, hour, minute, second, Name(host), Name(tag), pid, line.Length - rest.Length + colon + 2);
    }

    /// <summary>The event of a message (the text after <c>program[pid]: </c>), whatever program wrote it.</summary>
    public static BaselineEvent ParseMessage(ReadOnlySpan<char> m)
    {
        if (m.EndsWith(" [preauth]")) m = m[..^10];
        if (m.StartsWith("Invalid user ")) return UserFrom("SshdInvalidUser", m[13..]);
        if (m.StartsWith("Failed ")) return UserFrom("SshdFailedAuthentication", AfterFor(m));
        if (m.StartsWith("Accepted ")) return UserFrom("SshdAcceptedAuthentication", AfterFor(m));
        if (m.StartsWith("Received disconnect from ")) return Remote("SshdReceivedDisconnect", null, m[25..]);
        if (m.StartsWith("Disconnected from ")) return Preamble("SshdDisconnected", m[18..]);
        if (m.StartsWith("Connection closed by ")) return Preamble("SshdConnectionClosed", m[21..]);
        if (m.StartsWith("Connection reset by ")) return Preamble("SshdConnectionReset", m[20..]);
        if (m.StartsWith("Unable to negotiate with ")) return Remote("SshdNegotiationFailed", null, m[25..]);
        if (m.StartsWith("error: kex_exchange_identification: ")) return new("SshdIdentificationError");
        if (m.StartsWith("pam_")) return Pam(m);
        if (m.StartsWith("(")) return Cron(m);
        if (m.StartsWith("New session ")) return NewSession(m[12..]);
        if (m.StartsWith("Session ") && m.EndsWith(" logged out. Waiting for processes to exit."))
            return new("LogindSessionLoggedOut", Detail: new(SessionId: new string(m[8..^43])));
        if (m.StartsWith("Removed session ") && m.EndsWith("."))
            return new("LogindSessionRemoved", Detail: new(SessionId: new string(m[16..^1])));
        return Sudo(m);
    }

    // "pam_unix(sshd:auth): ...": module, service and type, then the forms the corpora use
    private static BaselineEvent Pam(ReadOnlySpan<char> m)
    {
        var open = m.IndexOf('(');
        var colon = m.IndexOf(':');
        var at = m.IndexOf("): ");
        if (open < 0 || colon < open || at < colon) return BaselineEvent.Unrecognized;
        var detail = new BaselineDetail(Module: Name(m[..open]), Service: Name(m[(open + 1)..colon]), Type: Name(m[(colon + 1)..at]));
        var body = m[(at + 3)..];
        if (body.StartsWith("session opened for user ")) return new("PamSessionOpened", Word(body[24..], '('), Detail: detail);
        if (body.StartsWith("session closed for user ")) return new("PamSessionClosed", new string(body[24..]), Detail: detail);
        if (body.StartsWith("authentication failure; "))
        {
            var rhost = body.IndexOf("rhost=");
            var userAt = body.LastIndexOf(" user=");
            return new("PamAuthenticationFailure", userAt < 0 ? null : new string(body[(userAt + 6)..]), rhost < 0 ? null : Word(body[(rhost + 6)..], ' '), Detail: detail);
        }
        if (body.SequenceEqual("check pass; user unknown")) return new("PamUserUnknown", Detail: detail);
        return BaselineEvent.Unrecognized;
    }

    // "(root) CMD (cd / && run-parts --report /etc/cron.hourly)": the command runs to the last parenthesis
    private static BaselineEvent Cron(ReadOnlySpan<char> m)
    {
        var close = m.IndexOf(") CMD (");
        if (close < 1 || m[^1] != ')') return BaselineEvent.Unrecognized;
        return new("CronCommand", new string(m[1..close]), Detail: new(Command: new string(m[(close + 7)..^1])));
    }

    // "12 of user alice.": the user name may hold dots, so it runs to the last one
    private static BaselineEvent NewSession(ReadOnlySpan<char> m)
    {
        var of = m.IndexOf(" of user ");
        if (of < 1 || m[^1] != '.') return BaselineEvent.Unrecognized;
        return new("LogindNewSession", new string(m[(of + 9)..^1]), Detail: new(SessionId: new string(m[..of])));
    }

    // "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update", with a reason before the
    // fields when sudo refused: "     bob : user NOT in sudoers ; TTY=pts/1 ; ..."
    private static BaselineEvent Sudo(ReadOnlySpan<char> m)
    {
        m = m.TrimStart(' ');
        var colon = m.IndexOf(" : ");
        if (colon < 1) return BaselineEvent.Unrecognized;
        var user = new string(m[..colon]);
        var rest = m[(colon + 3)..];
        string? reason = null, tty = null, pwd = null, runAs = null;
        var first = true;
        while (!rest.StartsWith("COMMAND="))
        {
            var end = rest.IndexOf(" ; ");
            if (end < 0) return BaselineEvent.Unrecognized;
            var field = rest[..end];
            if (field.StartsWith("TTY=")) tty = Name(field[4..]);
            else if (field.StartsWith("PWD=")) pwd = new string(field[4..]);
            else if (field.StartsWith("USER=")) runAs = Name(field[5..]);
            else if (first) reason = new string(field);
            else return BaselineEvent.Unrecognized;
            first = false;
            rest = rest[(end + 3)..];
        }
        return new("SudoCommand", user, Detail: new(Command: new string(rest[8..]), RunAs: runAs, Tty: tty, Pwd: pwd, Reason: reason));
    }

    private static ReadOnlySpan<char> AfterFor(ReadOnlySpan<char> m)
    {
        var m2 = m[(m.IndexOf(" for ") + 5)..];
        return m2.StartsWith("invalid user ") ? m2[13..] : m2;
    }

    private static BaselineEvent UserFrom(string kind, ReadOnlySpan<char> m)
    {
        var from = m.LastIndexOf(" from ");
        return Remote(kind, new string(m[..from]), m[(from + 6)..]);
    }

    private static BaselineEvent Preamble(string kind, ReadOnlySpan<char> m)
    {
        string? user = null;
        var preamble = m.StartsWith("invalid user ") ? 13 : m.StartsWith("authenticating user ") ? 20 : m.StartsWith("user ") ? 5 : 0;
        if (preamble > 0)
        {
            m = m[preamble..];
            var hostStart = m[..m.LastIndexOf(" port ")].LastIndexOf(' ');
            user = new string(m[..hostStart]);
            m = m[(hostStart + 1)..];
        }
        return Remote(kind, user, m);
    }

    private static BaselineEvent Remote(string kind, string? user, ReadOnlySpan<char> m)
    {
        var space = m.IndexOf(' ');
        var host = space < 0 ? m : m[..space];
        int? port = null;
        if (space >= 0 && m[space..].StartsWith(" port "))
        {
            var digits = m[(space + 6)..];
            var n = 0;
            var value = 0;
            while (n < digits.Length && char.IsAsciiDigit(digits[n])) value = value * 10 + (digits[n++] - '0');
            port = value;
        }
        return new(kind, user, new string(host), port);
    }

    private static string Word(ReadOnlySpan<char> s, char stop)
    {
        var end = s.IndexOf(stop);
        return new string(end < 0 ? s : s[..end]);
    }

    // The few names these lines repeat on every line, as literals: the library interns them, and code written for
    // one host's logs would not allocate them either.
    private static string Name(ReadOnlySpan<char> s) => s switch
    {
        "nimbus" => "nimbus",
        "sshd" => "sshd",
        "sshd-session" => "sshd-session",
        "CRON" => "CRON",
        "sudo" => "sudo",
        "systemd-logind" => "systemd-logind",
        "pam_unix" => "pam_unix",
        "cron" => "cron",
        "auth" => "auth",
        "session" => "session",
        "pts/0" => "pts/0",
        "root" => "root",
        _ => new string(s),
    };
}
