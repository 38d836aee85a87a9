namespace LogParsing.Tests.Reading;

/// <summary>
/// Classic stamps carry no offset, and a daylight-saving fall-back writes the same local hour twice: a file's stamps are
/// resolved monotonically through it (issue 15, defect 3). Berlin: 2024-10-27 03:00 CEST became 02:00 CET.
/// </summary>
public class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static async Task<List<DateTimeOffset>> Read(params string[] stamps)
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", string.Concat(stamps.Select((s, i) => $"Oct 27 {s} nimbus sshd[{i}]: Invalid user u{i} from 192.0.2.1 port 1\n")));
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, new AuthLogReaderOptions { Year = 2024, TimeZone = Berlin }, TestContext.Current.CancellationToken));
        return [.. entries.Select(e => e.Timestamp)];
    }

    [Fact]
    public async Task The_repeated_hour_is_read_first_as_daylight_time_then_as_standard_time()
    {
        var times = await Read("01:59:00", "02:10:00", "02:50:00", "02:05:00", "02:40:00", "03:10:00");
        Assert.Equal(
            ["2024-10-26T23:59:00Z", "2024-10-27T00:10:00Z", "2024-10-27T00:50:00Z", "2024-10-27T01:05:00Z", "2024-10-27T01:40:00Z", "2024-10-27T02:10:00Z"],
            times.Select(t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")));
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Lines_a_little_out_of_order_in_the_repeated_hour_stay_in_their_pass()
    {
        var times = await Read("02:10:00", "02:09:58", "02:30:00");
        Assert.All(times, t => Assert.Equal(TimeSpan.FromHours(2), t.Offset));
    }

    [Fact]
    public async Task After_the_second_pass_the_day_goes_on_in_standard_time()
    {
        var times = await Read("02:50:00", "02:01:00", "02:31:00", "02:59:59", "03:00:00");
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1)], times.Select(t => t.Offset));
        Assert.Equal(times.Order(), times);
    }
}
