using LogParsing.Grammar;

namespace LogParsing.Grammar;

/// <summary>
/// Turns written stamps into instants for one source: supplies the zone of stamps without offset and the
/// year of stamps without one (the latest year that does not put the line more than a day after the reference).
/// Not thread-safe: one per source (the readers) or per thread (<see cref="Current"/>), as it remembers the last hour.
/// </summary>
internal sealed class TimestampResolver
{
    private readonly int? _year;
    private readonly DateTime _referenceLocal;
    private readonly TimeZoneInfo _zone;

    // One zone lookup per hour of log, not per line.
    private DateTime _cachedHour = DateTime.MinValue;
    private TimeSpan _cachedOffset;

    public TimestampResolver(int? year, DateTimeOffset reference, TimeZoneInfo? zone)
    {
        _year = year;
        _zone = zone ?? TimeZoneInfo.Local;
        _referenceLocal = TimeZoneInfo.ConvertTime(reference, _zone).DateTime;
    }

    private TimestampResolver(int? year, DateTime referenceLocal, TimeZoneInfo zone)
    {
        _year = year;
        _zone = zone;
        _referenceLocal = referenceLocal;
    }

    /// <summary>
    /// A resolver with the same year, reference and zone and none of the memory of lines (for a chunk of a source parsed
    /// apart, on another thread: it reads only fields that never change).
    /// </summary>
    public TimestampResolver Fork() => new(_year, _referenceLocal, _zone);

    /// <summary>
    /// True once a stamp fell in an hour that a daylight-saving fall-back repeats: its instant depended on the stamps
    /// before it (<see cref="OffsetOf"/>). Every other stamp's instant depends on that stamp alone, so a chunk of lines
    /// resolved by a <see cref="Fork"/> without this is what the source's own resolver would have made of it.
    /// </summary>
    public bool ResolvedAmbiguous { get; private set; }

    [ThreadStatic]
    private static (TimestampResolver Resolver, long Expires)? t_current;

    /// <summary>
    /// The resolver of single-line parsing: local zone, the clock as reference. Made once a minute per thread, not per
    /// line: building one converts the clock into the zone.
    /// </summary>
    public static TimestampResolver Current
    {
        get
        {
            var now = Environment.TickCount64;
            if (t_current is { } cached && now < cached.Expires) return cached.Resolver;
            var resolver = new TimestampResolver(null, DateTimeOffset.Now, null);
            t_current = (resolver, now + 60_000);
            return resolver;
        }
    }

    public static TimestampResolver For(LogReaderOptions options, DateTimeOffset? fileTime) =>
        new(options.Year, options.ReferenceTime ?? fileTime ?? DateTimeOffset.Now, options.TimeZone);

    // The last hour resolved: lines come in order, so most share the previous line's hour, and its year, zone offset
    // and validity need working out once. Key: year (0 when not written), month, day, hour; -1 when empty.
    private long _hourKey = -1;
    private long _hourTicks;
    private TimeSpan _hourOffset;
    private bool _hourInferred;

    public DateTimeOffset Resolve(in SyslogTimestamp ts, out bool yearInferred) =>
        TryResolve(ts, out var value, out yearInferred) ? value : default;

    /// <summary>
    /// The instant of <paramref name="ts"/>, false when it names none: a day its month does not have (<c>Feb 30</c>, a
    /// Feb 29 written with a year that is not a leap year) or an instant outside <see cref="DateTimeOffset"/>'s range.
    /// </summary>
    public bool TryResolve(in SyslogTimestamp ts, out DateTimeOffset value, out bool yearInferred)
    {
        if (ts.Offset is not null)
            return TryResolveNew(ts, out value, out yearInferred);
        var key = ((long)(ts.Year ?? 0) << 24) | ((long)ts.Month << 16) | ((long)ts.Day << 8) | (uint)ts.Hour;
        if (key == _hourKey)
        {
            yearInferred = _hourInferred;
            var ticks = _hourTicks + ts.Minute * TimeSpan.TicksPerMinute + ts.Second * TimeSpan.TicksPerSecond + ts.FractionTicks;
            var utcTicks = ticks - _hourOffset.Ticks;
            if (ticks <= DateTime.MaxValue.Ticks && utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks)
            {
                value = new DateTimeOffset(new DateTime(ticks), _hourOffset);
                return true;
            }
        }
        if (!TryResolveNew(ts, out var resolved, out yearInferred))
        {
            value = default;
            return false;
        }
        var local = resolved.DateTime;
        _hourTicks = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0).Ticks;
        _hourOffset = resolved.Offset;
        _hourInferred = yearInferred;
        // Only an hour that resolved as written is remembered (a Feb 29 moved to a leap year is not).
        // Nor an hour a fall-back repeats, even in part: which of its two instants a stamp names depends on the lines
        // before it, so each of its stamps must go through OffsetOf, whatever stamp of the hour came first.
        _hourKey = local.Month == ts.Month && local.Day == ts.Day && local.Hour == ts.Hour && HasOneOffset(new DateTime(_hourTicks)) ? key : -1;
        value = resolved;
        return true;
    }

    private bool TryResolveNew(in SyslogTimestamp ts, out DateTimeOffset value, out bool yearInferred)
    {
        value = default;
        yearInferred = ts.Year is null && _year is null;
        var year = ts.Year ?? _year ?? InferYear(ts.Month, ts.Day, ts.Hour);
        if (year is < 1 or > 9999) return false;
        if (ts.Month == 2 && ts.Day == 29 && !DateTime.IsLeapYear(year))
        {
            if (!yearInferred) return false;
            while (!DateTime.IsLeapYear(year)) year--;
        }
        if (ts.Day > DateTime.DaysInMonth(year, ts.Month)) return false;
        var local = new DateTime(year, ts.Month, ts.Day, ts.Hour, ts.Minute, ts.Second).AddTicks(ts.FractionTicks);
        var offset = ts.Offset ?? OffsetOf(local);
        // Year 1 with a positive offset, or 9999 with a negative one, falls outside DateTimeOffset's range.
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private int InferYear(int month, int day, int hour)
    {
        // The latest year that does not put the line more than a day after the reference (slack for clock and
        // zone skew): reference + 1 for a line written just after midnight on New Year's Eve, else this year or the last.
        var limit = _referenceLocal.AddDays(1);
        for (var year = Math.Min(_referenceLocal.Year + 1, 9999); ; year--)
        {
            var candidate = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, 0, 0);
            if (candidate <= limit || year == 1) return year;
        }
    }

    // The last stamp resolved in an hour that a daylight-saving fall-back repeats, and the day whose repeated hour the
    // source has gone back into (its second pass).
    private DateTime _lastAmbiguous;
    private DateTime _secondPassDay = DateTime.MinValue;

    /// <summary>
    /// The offset of a local time. In the hour a fall-back repeats (01:00–02:00 twice, for most of Europe and America)
    /// the stamps of one source are resolved monotonically: the first pass (daylight time) until a stamp goes back by
    /// about the size of the shift, then the second (standard time). A source that starts in the repeated hour is read
    /// as its first pass.
    /// </summary>
    private TimeSpan OffsetOf(DateTime local)
    {
        if (!_zone.IsAmbiguousTime(local)) return OffsetAt(local);
        ResolvedAmbiguous = true;
        var offsets = _zone.GetAmbiguousTimeOffsets(local);
        TimeSpan first = offsets[0], second = offsets[0];
        foreach (var o in offsets)
        {
            if (o > first) first = o;
            if (o < second) second = o;
        }
        var day = local.Date;
        if (_secondPassDay != day && _lastAmbiguous.Date == day && _lastAmbiguous - local >= (first - second) / 2)
            _secondPassDay = day;
        _lastAmbiguous = local;
        return _secondPassDay == day ? second : first;
    }

    // No instant of the hour is ambiguous: neither end is, and no transition lies between them (one would change the offset).
    private bool HasOneOffset(DateTime hour)
    {
        var last = hour.AddTicks(TimeSpan.TicksPerHour - 1);
        return !_zone.IsAmbiguousTime(hour) && !_zone.IsAmbiguousTime(last) && _zone.GetUtcOffset(hour) == _zone.GetUtcOffset(last);
    }

    private TimeSpan OffsetAt(DateTime local)
    {
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0);
        if (hour != _cachedHour)
        {
            _cachedOffset = _zone.GetUtcOffset(hour);
            _cachedHour = hour;
        }
        return _cachedOffset;
    }
}
