using System.Collections.Immutable;
using System.Net;
using System.Runtime.InteropServices;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Logind;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Sudo;
using LogParsing.Grammar;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The floor: hand-written span code for the forms the corpora hold (sshd, PAM, cron, sudo, su, systemd-logind, rsyslog's
/// repeat summaries, classic and RFC 3339 stamps), into the library's own records with every field the library fills
/// (addresses parsed, ports and uids as ints, sshd's codes, reasons, methods, key types and fingerprints, offers, PAM's
/// uid/euid/tty/ruser/rhost/user). It is what one writes for speed and for these lines only: no generality, no error
/// reporting, strings allocated only for the fields kept. A message of a known program in a form it does not read
/// gives null (not covered); the message of a program it does not know is an <see cref="UnrecognizedEvent"/>, as in the
/// library for the programs the corpora hold (kernel, systemd, dbus-daemon).
/// </summary>
public static class HandWrittenParser
{
    // Immutable and fieldless: one serves every line.
    private static readonly UnrecognizedEvent Unrecognized = new();

    /// <summary>The entry of <paramref name="line"/> (classic stamps in <paramref name="year"/>, UTC), or null when the line is not covered.</summary>
    public static AuthLogEntry? Parse(ReadOnlySpan<char> line, int year)
    {
        if (ParseHeader(line) is not { } header) return null;
        var message = line[header.MessageStart..];
        if (ParseMessage(header.Program, message, out var repeat) is not { } evt) return null;
        return header.Entry(year, new string(message), evt, repeat);
    }

    /// <summary>The envelope of a syslog line (<c>May 31 07:07:22 nimbus sshd[52959]: </c>, or with an RFC 3339 stamp), or null.</summary>
    public static BaselineHeader? ParseHeader(ReadOnlySpan<char> line)
    {
        if (line.Length < 16) return null;
        SyslogTimestamp stamp;
        int stampLength;
        if (char.IsAsciiDigit(line[0]))
        {
            if (!Rfc3339(line, out stamp, out stampLength)) return null;
        }
        else
        {
            var month = line[..3] switch
            {
                "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
                "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12, _ => 0,
            };
            if (month == 0 || line[3] != ' ' || line[15] != ' ') return null;
            var day = (line[4] == ' ' ? 0 : line[4] - '0') * 10 + (line[5] - '0');
            stamp = new SyslogTimestamp(null, month, day, Two(line, 7), Two(line, 10), Two(line, 13), 0, null);
            stampLength = 15;
        }
        var rest = line[(stampLength + 1)..];
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
            if (tag[^1] != ']' || !Int(tag[(open + 1)..^1], out var value)) return null;
            pid = value;
            tag = tag[..open];
        }
        return new BaselineHeader(stamp, Name(host), Name(tag), pid, line.Length - rest.Length + colon + 2);
    }

    // "2021-05-31T06:43:31.629000+00:00": fixed places for the date and time, up to seven fraction digits, Z or ±hh:mm
    private static bool Rfc3339(ReadOnlySpan<char> s, out SyslogTimestamp stamp, out int length)
    {
        stamp = default;
        length = 0;
        if (s.Length < 21 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var scale = TimeSpan.TicksPerSecond;
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++)
                if (scale > 1) fraction += (s[i] - '0') * (scale /= 10);
        }
        TimeSpan offset;
        if (i < s.Length && s[i] == 'Z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (i + 6 <= s.Length && s[i] is '+' or '-' && s[i + 3] == ':')
        {
            offset = new TimeSpan(Two(s, i + 1), Two(s, i + 4), 0);
            if (s[i] == '-') offset = -offset;
            i += 6;
        }
        else
        {
            return false;
        }
        if (i >= s.Length || s[i] != ' ') return false;
        stamp = new SyslogTimestamp(Two(s, 0) * 100 + Two(s, 2), Two(s, 5), Two(s, 8), Two(s, 11), Two(s, 14), Two(s, 17), fraction, offset);
        length = i;
        return true;
    }

    /// <summary>
    /// The event of a message (the text after <c>program[pid]: </c>) of <paramref name="program"/>, and the count of an
    /// rsyslog repeat summary (<c>message repeated 3 times: [ ... ]</c>, whose event is the repeated message's); null
    /// when the message is not covered.
    /// </summary>
    public static AuthEvent? ParseMessage(string program, ReadOnlySpan<char> m, out int repeat)
    {
        repeat = 1;
        if (m.StartsWith("message repeated "))
        {
            var times = m[17..].IndexOf(" times: [ ");
            if (times < 0 || m[^1] != ']' || !Int(m.Slice(17, times), out repeat)) return null;
            m = m[(17 + times + 10)..^1];
        }
        // PAM's prefix is read whatever program wrote it, as the library reads it.
        if (m.StartsWith("pam_")) return Pam(m);
        return program switch
        {
            "sshd" or "sshd-session" => Sshd(m),
            "CRON" => Cron(m),
            "sudo" => Sudo(m),
            "systemd-logind" => Logind(m),
            // su's own messages ("Successful su for ...") are in no corpus: not covered.
            "su" => null,
            // The corpora's other programs (kernel, systemd, dbus-daemon) have no grammar in the library either.
            _ => Unrecognized,
        };
    }

    // sshd: an optional level prefix, the form, an optional phase suffix
    private static SshdEvent? Sshd(ReadOnlySpan<char> m)
    {
        var level = SshdLogLevel.Info;
        if (m.StartsWith("error: ")) { level = SshdLogLevel.Error; m = m[7..]; }
        else if (m.StartsWith("fatal: ")) { level = SshdLogLevel.Fatal; m = m[7..]; }
        var phase = SshdPhase.None;
        if (m.EndsWith(" [preauth]")) { phase = SshdPhase.Preauth; m = m[..^10]; }
        else if (m.EndsWith(" [postauth]")) { phase = SshdPhase.Postauth; m = m[..^11]; }

        // Level and phase are set where each record is made: a `with` afterwards would copy the record.
        return m switch
        {
            _ when m.StartsWith("Invalid user ") => InvalidUser(m[13..], level, phase),
            _ when m.StartsWith("Failed ") => Failed(m[7..], level, phase),
            _ when m.StartsWith("Accepted ") => Accepted(m[9..], level, phase),
            _ when m.StartsWith("Received disconnect from ") => ReceivedDisconnect(m[25..], level, phase),
            _ when m.StartsWith("Disconnected from ") => Closing(m[18..], 0, level, phase),
            _ when m.StartsWith("Connection closed by ") => Closing(m[21..], 1, level, phase),
            _ when m.StartsWith("Connection reset by ") => Closing(m[20..], 2, level, phase),
            _ when m.StartsWith("Unable to negotiate with ") => Negotiation(m[25..], level, phase),
            _ when m.StartsWith("kex_exchange_identification: ") =>
                new SshdIdentificationError { Reason = new string(m[29..]), Level = level, Phase = phase },
            _ => null,
        };
    }

    // "oracle from 187.32.120.215 port 54110": the name may hold spaces, so it runs to the last " from "
    private static SshdInvalidUser? InvalidUser(ReadOnlySpan<char> m, SshdLogLevel level, SshdPhase phase)
    {
        var from = m.LastIndexOf(" from ");
        if (from < 0 || Endpoint(m[(from + 6)..], out var end) is not { } remote || end != m.Length - from - 6) return null;
        return new SshdInvalidUser { User = new string(m[..from]), Remote = remote, Level = level, Phase = phase };
    }

    // "password for invalid user admin from 192.0.2.1 port 56502 ssh2"
    private static SshdFailedAuthentication? Failed(ReadOnlySpan<char> m, SshdLogLevel level, SshdPhase phase)
    {
        if (!MethodUser(m, out var method, out var invalid, out var user, out var remote, out var rest) || rest is not " ssh2") return null;
        return new SshdFailedAuthentication { Method = method, InvalidUser = invalid, User = user, Remote = remote, Protocol = "ssh2", Level = level, Phase = phase };
    }

    // "publickey for deploy from 192.0.2.1 port 23605 ssh2: ED25519 SHA256:k1kj...": the key type and fingerprint
    private static SshdAcceptedAuthentication? Accepted(ReadOnlySpan<char> m, SshdLogLevel level, SshdPhase phase)
    {
        if (!MethodUser(m, out var method, out var invalid, out var user, out var remote, out var rest) || invalid || !rest.StartsWith(" ssh2")) return null;
        rest = rest[5..];
        string? keyType = null, fingerprint = null, details = null;
        if (rest.StartsWith(": "))
        {
            rest = rest[2..];
            details = new string(rest);
            var space = rest.IndexOf(' ');
            keyType = Name(space < 0 ? rest : rest[..space]);
            if (space >= 0) fingerprint = new string(rest[(space + 1)..]);
        }
        else if (!rest.IsEmpty)
        {
            return null;
        }
        return new SshdAcceptedAuthentication
        {
            Method = method, User = user, Remote = remote, Protocol = "ssh2", KeyType = keyType, Fingerprint = fingerprint, Details = details,
            Level = level, Phase = phase,
        };
    }

    // "<method> for [invalid user ]<user> from <host> port <port>", and what follows
    private static bool MethodUser(ReadOnlySpan<char> m, out string method, out bool invalid, out string user, out RemoteEndpoint remote, out ReadOnlySpan<char> rest)
    {
        (method, invalid, user, remote) = ("", false, "", null!);
        rest = default;
        var space = m.IndexOf(' ');
        if (space < 0 || !m[space..].StartsWith(" for ")) return false;
        method = Name(m[..space]);
        m = m[(space + 5)..];
        if (m.StartsWith("invalid user ")) { invalid = true; m = m[13..]; }
        var from = m.LastIndexOf(" from ");
        if (from < 0 || Endpoint(m[(from + 6)..], out var end) is not { } endpoint) return false;
        user = new string(m[..from]);
        remote = endpoint;
        rest = m[(from + 6 + end)..];
        return true;
    }

    // "168.232.244.45 port 58839:11: Bye Bye"
    private static SshdReceivedDisconnect? ReceivedDisconnect(ReadOnlySpan<char> m, SshdLogLevel level, SshdPhase phase)
    {
        if (Endpoint(m, out var end) is not { } remote || !m[end..].StartsWith(":")) return null;
        m = m[(end + 1)..];
        var colon = m.IndexOf(": ");
        if (colon < 0 || !Int(m[..colon], out var code)) return null;
        return new SshdReceivedDisconnect { Remote = remote, Code = code, Reason = new string(m[(colon + 2)..]), Level = level, Phase = phase };
    }

    // "[invalid user |authenticating user |user ]<user> <host> port <port>": the user runs to the host before " port "
    private static SshdEvent? Closing(ReadOnlySpan<char> m, int kind, SshdLogLevel level, SshdPhase phase)
    {
        var state = SshdUserState.None;
        string? user = null;
        var preamble = m.StartsWith("invalid user ") ? 13 : m.StartsWith("authenticating user ") ? 20 : m.StartsWith("user ") ? 5 : 0;
        if (preamble > 0)
        {
            state = preamble switch { 13 => SshdUserState.Invalid, 20 => SshdUserState.Authenticating, _ => SshdUserState.Authenticated };
            m = m[preamble..];
            var port = m.LastIndexOf(" port ");
            if (port < 0) return null;
            var hostStart = m[..port].LastIndexOf(' ');
            if (hostStart < 0) return null;
            user = new string(m[..hostStart]);
            m = m[(hostStart + 1)..];
        }
        if (Endpoint(m, out var end) is not { } remote || end != m.Length) return null;
        return kind switch
        {
            0 => new SshdDisconnected { User = user, Remote = remote, UserState = state, Level = level, Phase = phase },
            1 => new SshdConnectionClosed { User = user, Remote = remote, UserState = state, Level = level, Phase = phase },
            _ => new SshdConnectionReset { User = user, Remote = remote, UserState = state, Level = level, Phase = phase },
        };
    }

    // "45.133.1.115 port 34484: no matching key exchange method found. Their offer: a,b,c"
    private static SshdNegotiationFailed? Negotiation(ReadOnlySpan<char> m, SshdLogLevel level, SshdPhase phase)
    {
        if (Endpoint(m, out var end) is not { } remote || !m[end..].StartsWith(": no matching ")) return null;
        m = m[(end + 14)..];
        var found = m.IndexOf(" found. Their offer: ");
        if (found < 0) return null;
        var algorithm = Name(m[..found]);
        var offer = m[(found + 21)..];
        var items = new string[offer.Count(',') + 1];
        var n = 0;
        foreach (var range in offer.Split(','))
            items[n++] = new string(offer[range]);
        return new SshdNegotiationFailed { Remote = remote, Algorithm = algorithm, Offer = ImmutableCollectionsMarshal.AsImmutableArray(items), Level = level, Phase = phase };
    }

    // "<host> port <port>": the endpoint and the characters it took
    private static RemoteEndpoint? Endpoint(ReadOnlySpan<char> m, out int end)
    {
        var space = m.IndexOf(' ');
        var host = space < 0 ? m : m[..space];
        end = host.Length;
        int? port = null;
        if (space >= 0 && m[space..].StartsWith(" port "))
        {
            var digits = m[(space + 6)..];
            var n = 0;
            var value = 0;
            while (n < digits.Length && n < 5 && char.IsAsciiDigit(digits[n])) value = value * 10 + (digits[n++] - '0');
            if (n == 0) return null;
            port = value;
            end = space + 6 + n;
        }
        return Remote(host, port);
    }

    private static RemoteEndpoint? Remote(ReadOnlySpan<char> host, int? port) =>
        host.IsEmpty ? null : new RemoteEndpoint(new string(host), IPAddress.TryParse(host, out var address) ? address : null, port);

    // "pam_unix(sshd:auth): ...": module, service and type, then the forms the corpora use
    private static PamEvent? Pam(ReadOnlySpan<char> m)
    {
        var open = m.IndexOf('(');
        var colon = m.IndexOf(':');
        var at = m.IndexOf("): ");
        if (open < 0 || colon < open || at < colon) return null;
        var (module, service, type) = (Name(m[..open]), Name(m[(open + 1)..colon]), Name(m[(colon + 1)..at]));
        var body = m[(at + 3)..];
        if (body.StartsWith("session opened for user ")) return SessionOpened(body[24..], module, service, type);
        if (body.StartsWith("session closed for user "))
            return new PamSessionClosed { Module = module, Service = service, Type = type, User = Name(body[24..]) };
        if (body.StartsWith("authentication failure; ")) return AuthenticationFailure(body[24..], module, service, type);
        if (body.SequenceEqual("check pass; user unknown")) return new PamUserUnknown { Module = module, Service = service, Type = type };
        return null;
    }

    // "root(uid=0) by alice(uid=1000)", "root(uid=0) by (uid=0)", or before linux-pam 1.4 "root by (uid=0)"
    private static PamSessionOpened? SessionOpened(ReadOnlySpan<char> m, string module, string service, string type)
    {
        var by = m.LastIndexOf(" by ");
        if (by < 0 || !NameAndUid(m[..by], out var user, out var uid) || !NameAndUid(m[(by + 4)..], out var caller, out var callerUid)) return null;
        return new PamSessionOpened { Module = module, Service = service, Type = type, User = user, Uid = uid, By = caller, ByUid = callerUid };
    }

    // "alice(uid=1000)", "(uid=0)" or "root"
    private static bool NameAndUid(ReadOnlySpan<char> s, out string? name, out int? uid)
    {
        uid = null;
        var open = s.IndexOf("(uid=");
        if (open >= 0)
        {
            if (s[^1] != ')' || !Int(s[(open + 5)..^1], out var value)) { name = null; return false; }
            uid = value;
            s = s[..open];
        }
        name = s.IsEmpty ? null : Name(s);
        return true;
    }

    // "logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.113  user=rda" (or a trailing space and no user): empty is null
    private static PamAuthenticationFailure? AuthenticationFailure(ReadOnlySpan<char> m, string module, string service, string type)
    {
        string? logname = null, tty = null, ruser = null, rhost = null, user = null;
        int? uid = null, euid = null;
        foreach (var range in m.Split(' '))
        {
            var word = m[range];
            if (word.IsEmpty) continue;
            var eq = word.IndexOf('=');
            if (eq <= 0) return null;
            var value = word[(eq + 1)..];
            switch (word[..eq])
            {
                case "logname": logname = Optional(value); break;
                case "uid": uid = OptionalInt(value); break;
                case "euid": euid = OptionalInt(value); break;
                case "tty": tty = Optional(value); break;
                case "ruser": ruser = Optional(value); break;
                case "rhost": rhost = Optional(value); break;
                case "user": user = Optional(value); break;
                default: return null;
            }
        }
        return new PamAuthenticationFailure
        {
            Module = module, Service = service, Type = type, Logname = logname, Uid = uid, Euid = euid, Tty = tty, Ruser = ruser,
            Rhost = rhost, User = user,
            Remote = rhost is null ? null : new RemoteEndpoint(rhost, IPAddress.TryParse(rhost, out var address) ? address : null, null),
        };
    }

    private static string? Optional(ReadOnlySpan<char> s) => s.IsEmpty ? null : Name(s);

    private static int? OptionalInt(ReadOnlySpan<char> s) => Int(s, out var value) ? value : null;

    // "(root) CMD (cd / && run-parts --report /etc/cron.hourly)": the command runs to the last parenthesis
    private static CronCommand? Cron(ReadOnlySpan<char> m)
    {
        var close = m.IndexOf(") CMD (");
        if (!m.StartsWith("(") || close < 1 || m[^1] != ')') return null;
        return new CronCommand { User = Name(m[1..close]), Command = new string(m[(close + 7)..^1]) };
    }

    // "New session 12 of user alice." (the user name may hold dots, so it runs to the last one), "Removed session 12.",
    // "Session 12 logged out. Waiting for processes to exit."
    private static AuthEvent? Logind(ReadOnlySpan<char> m)
    {
        if (m.StartsWith("New session ") && m[^1] == '.')
        {
            var of = m.IndexOf(" of user ");
            if (of < 13) return null;
            return new LogindNewSession { SessionId = new string(m[12..of]), User = Name(m[(of + 9)..^1]) };
        }
        if (m.StartsWith("Removed session ") && m[^1] == '.') return new LogindSessionRemoved { SessionId = new string(m[16..^1]) };
        if (m.StartsWith("Session ") && m.EndsWith(" logged out. Waiting for processes to exit."))
            return new LogindSessionLoggedOut { SessionId = new string(m[8..^43]) };
        return null;
    }

    // "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update", with a reason before the
    // fields when sudo refused: "     bob : user NOT in sudoers ; TTY=pts/1 ; ..."
    private static SudoCommand? Sudo(ReadOnlySpan<char> m)
    {
        m = m.TrimStart(' ');
        var colon = m.IndexOf(" : ");
        if (colon < 1) return null;
        var user = Name(m[..colon]);
        var rest = m[(colon + 3)..];
        string? reason = null, tty = null, pwd = null, runAs = null;
        var first = true;
        while (!rest.StartsWith("COMMAND="))
        {
            var end = rest.IndexOf(" ; ");
            if (end < 0) return null;
            var field = rest[..end];
            if (field.StartsWith("TTY=")) tty = Name(field[4..]);
            else if (field.StartsWith("PWD=")) pwd = new string(field[4..]);
            else if (field.StartsWith("USER=")) runAs = Name(field[5..]);
            else if (first) reason = new string(field);
            else return null;
            first = false;
            rest = rest[(end + 3)..];
        }
        return new SudoCommand { User = user, Command = new string(rest[8..]), RunAs = runAs, Tty = tty, Pwd = pwd, Reason = reason };
    }

    private static int Two(ReadOnlySpan<char> s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static bool Int(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    // The few names these lines repeat on every line, as literals: the library interns them, and code written for
    // one host's logs would not allocate them either. User names and addresses are allocated on every line.
    private static string Name(ReadOnlySpan<char> s) => s switch
    {
        "nimbus" => "nimbus",
        "sshd" => "sshd",
        "sshd-session" => "sshd-session",
        "CRON" => "CRON",
        "sudo" => "sudo",
        "su" => "su",
        "systemd-logind" => "systemd-logind",
        "pam_unix" => "pam_unix",
        "cron" => "cron",
        "auth" => "auth",
        "session" => "session",
        "ssh" => "ssh",
        "password" => "password",
        "publickey" => "publickey",
        "ED25519" => "ED25519",
        "key exchange method" => "key exchange method",
        "pts/0" => "pts/0",
        "root" => "root",
        _ => new string(s),
    };
}
