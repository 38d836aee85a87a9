namespace LogParsing.Grammar;

/// <summary>
/// A timestamp as a log line wrote it, before any year or zone is supplied. Classic syslog stamps
/// (<c>May 31 07:07:22</c>) have no <see cref="Year"/> and no <see cref="Offset"/>; RFC 3339 stamps
/// (<c>2024-05-31T07:07:22.123456+00:00</c>) have both.
/// </summary>
/// <param name="Year">The year, when the line wrote one.</param>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">1 to 31.</param>
/// <param name="Hour">0 to 23.</param>
/// <param name="Minute">0 to 59.</param>
/// <param name="Second">0 to 59 (a leap second 60 is read as 59).</param>
/// <param name="FractionTicks">The fraction of the second, in 100 ns ticks (digits past the seventh are dropped).</param>
/// <param name="Offset">The UTC offset, when the line wrote one.</param>
public readonly record struct SyslogTimestamp(
    int? Year, int Month, int Day, int Hour, int Minute, int Second, long FractionTicks, TimeSpan? Offset)
{
    /// <summary>True when the stamp is complete (year and offset): it needs no inference.</summary>
    public bool IsExact => Year is not null && Offset is not null;
}
