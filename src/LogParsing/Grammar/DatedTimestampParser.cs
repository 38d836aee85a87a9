using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// A stamp that writes its year, as an instant: its own offset, else <paramref name="zone"/>'s at that time.
/// A stamp without a year (classic syslog) or a date that does not exist (<c>2024-02-30</c>) fails without consuming.
/// </summary>
internal sealed class DatedTimestampParser(TimeZoneInfo zone) : LeafParser<DateTimeOffset>("date and time", 40)
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out DateTimeOffset result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> input, out DateTimeOffset result)
    {
        var consumed = SyslogTimestampParser.TryRead(input, out var stamp);
        if (consumed == 0 || stamp.Year is not { } year || year < 1 || stamp.Day > DateTime.DaysInMonth(year, stamp.Month))
            return Fail(out result);
        var local = new DateTime(year, stamp.Month, stamp.Day, stamp.Hour, stamp.Minute, stamp.Second).AddTicks(stamp.FractionTicks);
        var offset = stamp.Offset ?? zone.GetUtcOffset(local);
        // DateTimeOffset throws beyond ±14:00 or outside year 1-9999 in UTC: such a stamp is not a time, and content never throws.
        var utc = local.Ticks - offset.Ticks;
        if (offset.Duration() > MaxOffset || utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
            return Fail(out result);
        result = new DateTimeOffset(local, offset);
        return consumed;
    }
}
