using CsCheck;
using LogParsing.Grammar;

namespace LogParsing.Tests.Grammar;

public class YearInferenceTests
{
    private static readonly DateTimeOffset NewYearsDay = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_file_spanning_new_year_reads_december_as_the_previous_year()
    {
        var resolver = new TimestampResolver(null, NewYearsDay, TimeZoneInfo.Utc);
        var december = resolver.Resolve(new SyslogTimestamp(null, 12, 31, 23, 59, 58, 0, null), out var inferredDec);
        var january = resolver.Resolve(new SyslogTimestamp(null, 1, 1, 0, 0, 1, 0, null), out var inferredJan);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 59, 58, TimeSpan.Zero), december);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 1, TimeSpan.Zero), january);
        Assert.True(inferredDec && inferredJan);
    }

    [Fact]
    public void A_line_up_to_a_day_after_the_reference_keeps_the_reference_year()
    {
        var resolver = new TimestampResolver(null, new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        var tomorrow = resolver.Resolve(new SyslogTimestamp(null, 1, 1, 10, 0, 0, 0, null), out _);
        Assert.Equal(2025, tomorrow.Year);
        Assert.Equal(2024, resolver.Resolve(new SyslogTimestamp(null, 12, 30, 10, 0, 0, 0, null), out _).Year);
    }

    [Fact]
    public void February_29_goes_back_to_a_leap_year()
    {
        var resolver = new TimestampResolver(null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero), resolver.Resolve(new SyslogTimestamp(null, 2, 29, 12, 0, 0, 0, null), out _));
    }

    [Fact]
    public void An_explicit_year_is_used_and_not_flagged()
    {
        var resolver = new TimestampResolver(2019, NewYearsDay, TimeZoneInfo.Utc);
        var t = resolver.Resolve(new SyslogTimestamp(null, 12, 31, 1, 2, 3, 0, null), out var inferred);
        Assert.Equal(2019, t.Year);
        Assert.False(inferred);
    }

    [Fact]
    public void The_zone_gives_the_offset_of_classic_stamps()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus5", TimeSpan.FromHours(5), "Plus5", "Plus5");
        var resolver = new TimestampResolver(2021, NewYearsDay, zone);
        var t = resolver.Resolve(new SyslogTimestamp(null, 5, 31, 7, 7, 22, 0, null), out _);
        Assert.Equal(TimeSpan.FromHours(5), t.Offset);
        Assert.Equal(new DateTime(2021, 5, 31, 2, 7, 22), t.UtcDateTime);
    }

    [Fact]
    public async Task A_rotated_file_spanning_new_year_reads_in_order()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "Dec 31 23:59:59 h sshd[1]: Received signal 15; terminating.\nJan  1 00:00:01 h sshd[2]: Received signal 15; terminating.\n");
        File.SetLastWriteTimeUtc(path, new DateTime(2025, 1, 1, 0, 5, 0, DateTimeKind.Utc));
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, new AuthLogReaderOptions { TimeZone = TimeZoneInfo.Utc }, TestContext.Current.CancellationToken));
        Assert.Equal([2024, 2025], entries.Select(e => e.Timestamp.Year));
        Assert.True(entries[0].Timestamp < entries[1].Timestamp);
    }

    [Fact]
    public void A_resolver_that_remembers_the_last_hour_answers_as_a_fresh_one_would()
    {
        // Stamps in runs within an hour and across hours, days, New Year, Feb 29 and a DST change (Berlin, late March
        // and October), each resolved by one long-lived resolver and by a new one: the remembered hour must never show.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var stamp = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59], Gen.Int[0, 9_999_999])
            .Select((month, day, hour, minute, second, fraction) => new SyslogTimestamp(null, month, day, hour, minute, second, fraction, null));
        var run = Gen.Select(stamp, Gen.Int[1, 5]).SelectMany((first, n) =>
            Gen.Int[0, 59].Array[n].Select(minutes => minutes.Select(m => first with { Minute = m }).ToArray()));
        Gen.Select(run.Array[1, 8], Gen.Int[0, 2], Gen.Bool).Sample((runs, zoneIndex, knownYear) =>
        {
            var zone = zoneIndex switch { 0 => TimeZoneInfo.Utc, 1 => berlin, _ => TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };
            var reference = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
            int? year = knownYear ? 2024 : null;
            var remembering = new TimestampResolver(year, reference, zone);
            foreach (var ts in runs.SelectMany(r => r))
            {
                var expected = new TimestampResolver(year, reference, zone).Resolve(ts, out var expectedInferred);
                // In an hour a fall-back repeats, the instant depends on the stamps before it (the second pass begins
                // when they go back: DaylightSavingTests), which a fresh resolver has not seen; the hour is never cached.
                if (zone.IsAmbiguousTime(expected.DateTime))
                {
                    remembering.Resolve(ts, out _);
                    continue;
                }
                Assert.Equal(expected, remembering.Resolve(ts, out var inferred));
                Assert.Equal(expected.Offset, remembering.Resolve(ts, out _).Offset);
                Assert.Equal(expectedInferred, inferred);
            }
        });
    }

    [Fact]
    public void Lines_within_one_hour_keep_their_minutes_and_the_hours_offset()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var resolver = new TimestampResolver(2024, DateTimeOffset.UnixEpoch, berlin);
        var a = resolver.Resolve(new SyslogTimestamp(null, 3, 31, 1, 15, 0, 0, null), out _);
        var b = resolver.Resolve(new SyslogTimestamp(null, 3, 31, 1, 59, 59, 5_000_000, null), out _);
        var c = resolver.Resolve(new SyslogTimestamp(null, 3, 31, 3, 0, 0, 0, null), out _);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 15, 0, TimeSpan.FromHours(1)), a);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 59, 59, 500, TimeSpan.FromHours(1)), b);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 3, 0, 0, TimeSpan.FromHours(2)), c);
    }
}
