using System.Globalization;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The floor: a hand-written span parser for the corpus's message forms, the fastest code one would write for them
/// (no generality, no error reporting). Kept to measure how far the Pidgin grammar is from it.
/// </summary>
public static class HandWrittenParser
{
    public static BaselineEntry? Parse(ReadOnlySpan<char> line, int year)
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
        var message = rest[(colon + 2)..];
        var (kind, user, remote, port) = Body(message);
        return new BaselineEntry(
            new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero),
            host.SequenceEqual("nimbus") ? "nimbus" : new string(host),
            tag.SequenceEqual("sshd") ? "sshd" : new string(tag), pid, new string(message), kind, user, remote, port);
    }

    private static (string Kind, string? User, string? Remote, int? Port) Body(ReadOnlySpan<char> m)
    {
        if (m.EndsWith(" [preauth]")) m = m[..^10];
        if (m.StartsWith("Invalid user ")) return UserFrom("InvalidUser", m[13..]);
        if (m.StartsWith("Failed ")) return UserFrom("Failed", AfterFor(m));
        if (m.StartsWith("Accepted ")) return UserFrom("Accepted", AfterFor(m));
        if (m.StartsWith("Received disconnect from ")) return Remote("ReceivedDisconnect", null, m[25..]);
        if (m.StartsWith("Disconnected from ")) return Preamble("Disconnected", m[18..]);
        if (m.StartsWith("Connection closed by ")) return Preamble("ConnectionClosed", m[21..]);
        if (m.StartsWith("Connection reset by ")) return Preamble("ConnectionReset", m[20..]);
        if (m.StartsWith("Unable to negotiate with ")) return Remote("NegotiationFailed", null, m[25..]);
        if (m.StartsWith("error: kex_exchange_identification: ")) return ("IdentificationError", null, null, null);
        if (m.StartsWith("pam_unix("))
        {
            var at = m.IndexOf("): ");
            var body = m[(at + 3)..];
            if (body.StartsWith("session opened for user ")) return ("SessionOpened", Word(body[24..], '('), null, null);
            if (body.StartsWith("session closed for user ")) return ("SessionClosed", new string(body[24..]), null, null);
            if (body.StartsWith("authentication failure; "))
            {
                var rhost = body.IndexOf("rhost=");
                var userAt = body.LastIndexOf(" user=");
                return ("PamFailure", userAt < 0 ? null : new string(body[(userAt + 6)..]), rhost < 0 ? null : Word(body[(rhost + 6)..], ' '), null);
            }
        }
        if (m.StartsWith("(")) return ("CronCommand", Word(m[1..], ')'), null, null);
        return ("Unrecognized", null, null, null);
    }

    private static ReadOnlySpan<char> AfterFor(ReadOnlySpan<char> m)
    {
        var m2 = m[(m.IndexOf(" for ") + 5)..];
        return m2.StartsWith("invalid user ") ? m2[13..] : m2;
    }

    private static (string, string?, string?, int?) UserFrom(string kind, ReadOnlySpan<char> m)
    {
        var from = m.LastIndexOf(" from ");
        return Remote(kind, new string(m[..from]), m[(from + 6)..]);
    }

    private static (string, string?, string?, int?) Preamble(string kind, ReadOnlySpan<char> m)
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

    private static (string, string?, string?, int?) Remote(string kind, string? user, ReadOnlySpan<char> m)
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
        return (kind, user, new string(host), port);
    }

    private static string Word(ReadOnlySpan<char> s, char stop)
    {
        var end = s.IndexOf(stop);
        return new string(end < 0 ? s : s[..end]);
    }
}
