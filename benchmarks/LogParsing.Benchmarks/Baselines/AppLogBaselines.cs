using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Tutorial;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The tutorial's application format (<c>2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4</c>) read by
/// hand-written span code (the floor) into the same <see cref="AppLogEvent"/> records the tutorial's grammar makes.
/// </summary>
public static class HandWrittenAppLogParser
{
    /// <summary>The record of <paramref name="line"/>, or null when it is not in the format.</summary>
    public static AppLogEvent? Parse(string line)
    {
        var s = line.AsSpan();
        if (s.Length < 25 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != ' ')
            return null;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second)
            || !Digits(s.Slice(20, 3), out var millisecond))
            return null;
        var rest = s[24..];
        AppLevel level;
        int skip;
        if (rest.StartsWith("[DEBUG] ")) (level, skip) = (AppLevel.Debug, 8);
        else if (rest.StartsWith("[INFO] ")) (level, skip) = (AppLevel.Info, 7);
        else if (rest.StartsWith("[WARN] ")) (level, skip) = (AppLevel.Warn, 7);
        else if (rest.StartsWith("[ERROR] ")) (level, skip) = (AppLevel.Error, 8);
        else return null;
        var text = rest[skip..];

        // The message runs to the first word with '=' in it; the key=value pairs follow.
        var messageEnd = text.Length;
        var fieldsStart = text.Length;
        for (var i = 0; i < text.Length;)
        {
            var space = text[i..].IndexOf(' ');
            var wordEnd = space < 0 ? text.Length : i + space;
            if (text[i..wordEnd].IndexOf('=') > 0)
            {
                messageEnd = i == 0 ? 0 : i - 1;
                fieldsStart = i;
                break;
            }
            i = wordEnd + 1;
        }
        var pairs = new List<KeyValuePair<string, string>>();
        string? user = null;
        IPAddress? address = null;
        foreach (var range in text[fieldsStart..].Split(' '))
        {
            var word = text[fieldsStart..][range];
            var eq = word.IndexOf('=');
            if (eq <= 0) continue;
            var key = new string(word[..eq]);
            var value = new string(word[(eq + 1)..]);
            pairs.Add(new(key, value));
            if (key == "user") user = value;
            else if (key == "ip" && IPAddress.TryParse(value, out var parsed)) address = parsed;
        }
        return new AppLogEvent
        {
            Timestamp = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero),
            Level = level,
            Message = new string(text[..messageEnd]),
            Fields = [.. pairs],
            User = user,
            Address = address,
        };
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}

/// <summary>The same format as a user would read it with <c>[GeneratedRegex]</c>: one for the line, one for the pairs.</summary>
public static partial class RegexAppLogParser
{
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) \[(DEBUG|INFO|WARN|ERROR)\] (.*?)((?:(?:^| )\S+=\S*)*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"(\S+?)=(\S*)")]
    private static partial Regex Pair();

    /// <summary>The record of <paramref name="line"/>, or null when it is not in the format.</summary>
    public static AppLogEvent? Parse(string line)
    {
        var m = Line().Match(line);
        if (!m.Success) return null;
        var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        string? user = null;
        IPAddress? address = null;
        foreach (Match pair in Pair().Matches(m.Groups[4].Value))
        {
            var (key, value) = (pair.Groups[1].Value, pair.Groups[2].Value);
            pairs.Add(new(key, value));
            if (key == "user") user = value;
            else if (key == "ip" && IPAddress.TryParse(value, out var parsed)) address = parsed;
        }
        return new AppLogEvent
        {
            Timestamp = DateTimeOffset.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Level = Enum.Parse<AppLevel>(m.Groups[2].Value, ignoreCase: true),
            Message = m.Groups[3].Value,
            Fields = pairs.ToImmutable(),
            User = user,
            Address = address,
        };
    }
}
