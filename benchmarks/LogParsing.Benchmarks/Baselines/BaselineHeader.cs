using LogParsing.Grammar;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The syslog envelope alone, as both baselines read it: the fields of <see cref="SyslogHeader"/> for a classic stamp
/// (<c>May 31 07:07:22</c>) or an RFC 3339 one (<c>2021-05-31T07:07:22.629000+00:00</c>), the two the corpus writes.
/// </summary>
/// <param name="Stamp">The stamp as written (no year and no offset for a classic one).</param>
/// <param name="Host">The host field.</param>
/// <param name="Program">The tag's program.</param>
/// <param name="ProcessId">The tag's pid, or null.</param>
/// <param name="MessageStart">Where the message starts in the line (after <c>program[pid]: </c>).</param>
public readonly record struct BaselineHeader(SyslogTimestamp Stamp, string Host, string Program, int? ProcessId, int MessageStart)
{
    /// <summary>The stamp as an instant: the stamp's own year and offset, else <paramref name="year"/> and UTC, as the benchmarks' resolver does.</summary>
    /// <param name="year">The year of a stamp that writes none.</param>
    public DateTimeOffset Timestamp(int year) =>
        new DateTimeOffset(Stamp.Year ?? year, Stamp.Month, Stamp.Day, Stamp.Hour, Stamp.Minute, Stamp.Second, Stamp.Offset ?? TimeSpan.Zero)
            .AddTicks(Stamp.FractionTicks);

    /// <summary>The entry of this envelope and its message's event, as the library makes it.</summary>
    /// <param name="year">The year of a stamp that writes none.</param>
    /// <param name="message">The message, kept.</param>
    /// <param name="evt">Its event.</param>
    /// <param name="repeat">How many times the line counts (a repeat summary's N, else 1).</param>
    public AuthLogEntry Entry(int year, string message, AuthEvent evt, int repeat) => new()
    {
        Timestamp = Timestamp(year),
        Host = Host,
        Program = Program,
        ProcessId = ProcessId,
        Message = message,
        Event = evt,
        RepeatCount = repeat,
    };
}
