namespace LogParsing.Analysis.Detections;

/// <summary>Tick arithmetic held to the range of <see cref="long"/>: a log dated 0001-01-01 or a window of centuries must not overflow.</summary>
internal static class Ticks
{
    public static long Add(long ticks, long by) =>
        by >= 0 ? (ticks > long.MaxValue - by ? long.MaxValue : ticks + by) : (ticks < long.MinValue - by ? long.MinValue : ticks + by);

    public static long Sub(long ticks, long by) => by == long.MinValue ? long.MaxValue : Add(ticks, -by);

    /// <summary>A suppression's end: a negative span (fail2ban's <c>bantime = -1</c>) is for ever.</summary>
    public static long Until(long ticks, TimeSpan span) => span < TimeSpan.Zero ? long.MaxValue : Add(ticks, span.Ticks);
}
