using System.Globalization;
using System.Net;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The floor for fail2ban.log: hand-written span code for the records <see cref="Fail2BanBenchmarks"/> generates
/// (<c>2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 209.141.36.197</c>, and Found, Unban,
/// Increase Ban), nothing more general.
/// </summary>
public static class HandWrittenFail2BanParser
{
    public static Fail2BanBaselineEntry? Parse(ReadOnlySpan<char> line)
    {
        // "%(asctime)s ": "2021-05-30 00:51:39,363 "
        if (line.Length < 25 || line[4] != '-' || line[10] != ' ' || line[19] != ',' || line[23] != ' ') return null;
        var timestamp = new DateTimeOffset(LocalTime(line), TimeSpan.Zero).AddMilliseconds(Digits(line.Slice(20, 3)));

        // "%(name)-24s[%(process)d]: ": the logger, padded, then the pid
        var rest = line[24..];
        var open = rest.IndexOf('[');
        var close = rest.IndexOf("]: ");
        if (open < 1 || close < open) return null;
        var logger = Name(rest[..open].TrimEnd(' '));
        var pid = Digits(rest[(open + 1)..close]);
        rest = rest[(close + 3)..];

        // "%(levelname)-7s ": the message starts after the padded column
        var levelEnd = rest.IndexOf(' ');
        if (levelEnd < 1) return null;
        var level = Name(rest[..levelEnd]);
        rest = rest[(Math.Max(levelEnd, 7) + 1)..];
        var message = rest;

        string? jail = null;
        if (rest.StartsWith("["))
        {
            var end = rest.IndexOf("] ");
            if (end < 0) return null;
            jail = Name(rest[1..end]);
            rest = rest[(end + 2)..];
        }

        string action;
        ReadOnlySpan<char> target;
        DateTime? time = null, until = null;
        int? count = null;
        TimeSpan? banTime = null;
        if (rest.StartsWith("Found "))
        {
            // "Found 192.0.2.1 - 2021-05-30 00:51:39"
            action = "Found";
            rest = rest[6..];
            var dash = rest.IndexOf(" - ");
            target = dash < 0 ? rest : rest[..dash];
            if (dash >= 0) time = LocalTime(rest[(dash + 3)..]);
        }
        else if (rest.StartsWith("Ban "))
        {
            action = "Ban";
            target = rest[4..];
        }
        else if (rest.StartsWith("Unban "))
        {
            action = "Unban";
            target = rest[6..];
        }
        else if (rest.StartsWith("Increase Ban "))
        {
            // "Increase Ban 192.0.2.1 (2 # 2:00:00 -> 2021-05-31 02:00:00)"
            action = "Increase Ban";
            rest = rest[13..];
            var paren = rest.IndexOf(" (");
            if (paren < 0 || rest[^1] != ')') return null;
            target = rest[..paren];
            var inside = rest[(paren + 2)..^1];
            var hash = inside.IndexOf(" # ");
            var arrow = inside.IndexOf(" -> ");
            if (hash < 0 || arrow < hash) return null;
            count = Digits(inside[..hash]);
            banTime = Duration(inside[(hash + 3)..arrow]);
            until = LocalTime(inside[(arrow + 4)..]);
        }
        else
        {
            return null;
        }
        return new Fail2BanBaselineEntry(timestamp, logger, pid, level, jail, new string(message), action, new string(target),
            IPAddress.TryParse(target, out var address) ? address : null, time, count, banTime, until);
    }

    // "2021-05-30 00:51:39"
    private static DateTime LocalTime(ReadOnlySpan<char> s) =>
        new(Digits(s[..4]), Digits(s.Slice(5, 2)), Digits(s.Slice(8, 2)), Digits(s.Slice(11, 2)), Digits(s.Slice(14, 2)), Digits(s.Slice(17, 2)));

    // Python's str(timedelta) under a day: "2:00:00"
    private static TimeSpan Duration(ReadOnlySpan<char> s)
    {
        var colon = s.IndexOf(':');
        return new TimeSpan(Digits(s[..colon]), Digits(s.Slice(colon + 1, 2)), Digits(s.Slice(colon + 4, 2)));
    }

    private static int Digits(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    // The loggers, levels and jail every record repeats, as literals (the library interns them).
    private static string Name(ReadOnlySpan<char> s) => s switch
    {
        "fail2ban.filter" => "fail2ban.filter",
        "fail2ban.actions" => "fail2ban.actions",
        "fail2ban.observer" => "fail2ban.observer",
        "INFO" => "INFO",
        "NOTICE" => "NOTICE",
        "sshd" => "sshd",
        _ => new string(s),
    };
}
