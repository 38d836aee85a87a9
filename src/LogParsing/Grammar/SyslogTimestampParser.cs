using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Reads the timestamp forms of syslog files: classic <c>Mmm dd [yyyy ]HH:MM:SS[.frac]</c> (day padded with
/// a space or a zero, or not at all), RFC 3339 / ISO 8601 <c>YYYY-MM-DD(T| )HH:MM:SS[.frac][Z|±HH:MM|±HHMM]</c>,
/// and journalctl's <c>short-unix</c> epoch seconds <c>1784713652.755556</c>.
/// </summary>
internal sealed class SyslogTimestampParser() : LeafParser<SyslogTimestamp>("timestamp", 40)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out SyslogTimestamp result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> input, out SyslogTimestamp result)
    {
        var consumed = TryRead(input, out result);
        if (consumed == 0)
            return Fail(out result);
        return consumed;
    }

    /// <summary>Parses any of the stamp forms; returns the characters consumed, 0 when there is none.</summary>
    internal static int TryRead(ReadOnlySpan<char> s, out SyslogTimestamp result) =>
        s.Length > 0 && s[0] == '@' ? TryTai64N(s, out result)
        : s.Length < 5 || !char.IsAsciiDigit(s[0]) ? TryClassic(s, out result)
        : s[4] == '-' ? TryIso(s, out result)
        : TryEpoch(s, out result);

    /// <summary>Parses a classic stamp; returns the characters consumed, 0 when it is not one.</summary>
    internal static int TryClassic(ReadOnlySpan<char> s, out SyslogTimestamp result)
    {
        result = default;
        if (s.Length < 14 || s[3] != ' ') return 0;
        var month = MonthNumber(s[..3]);
        if (month == 0) return 0;
        var i = 4;
        if (s[i] == ' ') i++;
        if (!char.IsAsciiDigit(s[i])) return 0;
        var day = s[i++] - '0';
        if (i < s.Length && char.IsAsciiDigit(s[i])) day = day * 10 + (s[i++] - '0');
        if (i >= s.Length || s[i++] != ' ') return 0;
        int? year = null;
        if (i + 5 <= s.Length && s[i + 4] == ' ' && Digits(s.Slice(i, 4), out var y))
        {
            // "Mar 19 2024 23:48:18": some BSD-style relays and devices write the year after the day.
            year = y;
            i += 5;
        }
        if (!TryTime(s[i..], out var hour, out var minute, out var second)) return 0;
        i += 8;
        var ticks = Fraction(s, ref i);
        if (day is < 1 or > 31) return 0;
        result = new SyslogTimestamp(year, month, day, hour, minute, second, ticks, null);
        return i;
    }

    /// <summary>
    /// Parses a TAI64N label (svlogd <c>-t</c>, s6-log <c>t</c>): <c>@</c>, 16 hex digits of 2^62 + TAI seconds, 8 of
    /// nanoseconds. Read as daemontools' <c>tai64nlocal</c> does: the label less 2^62 + 10 is Unix time (no leap-second
    /// table), in UTC. Returns the characters consumed, 0 when it is not one.
    /// </summary>
    internal static int TryTai64N(ReadOnlySpan<char> s, out SyslogTimestamp result)
    {
        result = default;
        if (s.Length < 25 || !ulong.TryParse(s.Slice(1, 16), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var label)
            || !uint.TryParse(s.Slice(17, 8), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var nanos)
            || nanos >= 1_000_000_000 || label < 0x4000000000000000UL + 10)
            return 0;
        var seconds = label - 0x4000000000000000UL - 10;
        if (seconds > 253402300799UL) return 0; // after 9999-12-31: no DateTime
        var t = DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime;
        result = new SyslogTimestamp(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, nanos / 100, TimeSpan.Zero);
        return 25;
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 stamp; returns the characters consumed, 0 when it is not one.</summary>
    internal static int TryIso(ReadOnlySpan<char> s, out SyslogTimestamp result)
    {
        result = default;
        // 'T' (RFC 3339), ' ' (s6-log, ISO 8601), '_' (svlogd -tt).
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ' && s[10] != '_')) return 0;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)) return 0;
        if (!TryTime(s[11..], out var hour, out var minute, out var second)) return 0;
        // Year 0 is real ("0000-12-30 00:00:00" from a bogus clock) but no DateTime: not a stamp we can place.
        if (year < 1 || month is < 1 or > 12 || day is < 1 or > 31) return 0;
        var i = 19;
        var ticks = Fraction(s, ref i);
        TimeSpan? offset = null;
        if (i < s.Length && s[i] == 'Z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (i + 5 <= s.Length && (s[i] == '+' || s[i] == '-') && Digits(s.Slice(i + 1, 2), out var oh))
        {
            var sign = s[i] == '-' ? -1 : 1;
            var j = i + 3;
            if (j < s.Length && s[j] == ':') j++;
            if (j + 2 <= s.Length && Digits(s.Slice(j, 2), out var om))
            {
                // DateTimeOffset allows at most ±14:00; a larger offset is not a time any zone has: not a stamp.
                if (om >= 60 || oh * 60 + om > 14 * 60) return 0;
                offset = sign * new TimeSpan(oh, om, 0);
                i = j + 2;
            }
        }
        result = new SyslogTimestamp(year, month, day, hour, minute, second, ticks, offset);
        return i;
    }

    /// <summary>journalctl <c>short-unix</c>: seconds since the epoch with a fraction, <c>1784713652.755556</c>; exact, UTC.</summary>
    internal static int TryEpoch(ReadOnlySpan<char> s, out SyslogTimestamp result)
    {
        result = default;
        var i = 0;
        long seconds = 0;
        while (i < s.Length && i < 12 && char.IsAsciiDigit(s[i])) seconds = seconds * 10 + (s[i++] - '0');
        // Up to 9999-12-31 (253402300799): later is no DateTimeOffset.
        if (i < 9 || i >= s.Length || s[i] != '.' || seconds > 253_402_300_799) return 0;
        var ticks = Fraction(s, ref i);
        if (i < s.Length && s[i] != ' ') return 0;
        var t = DateTimeOffset.FromUnixTimeSeconds(seconds);
        result = new SyslogTimestamp(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, ticks, TimeSpan.Zero);
        return i;
    }

    private static bool TryTime(ReadOnlySpan<char> s, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        if (s.Length < 8 || s[2] != ':' || s[5] != ':') return false;
        if (!Digits(s[..2], out hour) || !Digits(s.Slice(3, 2), out minute) || !Digits(s.Slice(6, 2), out second)) return false;
        if (second == 60) second = 59;
        return hour < 24 && minute < 60 && second < 60;
    }

    private static long Fraction(ReadOnlySpan<char> s, ref int i)
    {
        if (i + 1 >= s.Length || (s[i] != '.' && s[i] != ',') || !char.IsAsciiDigit(s[i + 1])) return 0;
        i++;
        long ticks = 0;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (digits < 7)
            {
                ticks = ticks * 10 + (s[i] - '0');
                digits++;
            }
            i++;
        }
        for (; digits < 7; digits++) ticks *= 10;
        return ticks;
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

    internal static int MonthNumber(ReadOnlySpan<char> m) => m switch
    {
        "Jan" => 1, "Feb" => 2, "Mar" => 3, "Apr" => 4, "May" => 5, "Jun" => 6,
        "Jul" => 7, "Aug" => 8, "Sep" => 9, "Oct" => 10, "Nov" => 11, "Dec" => 12,
        _ => 0,
    };
}
