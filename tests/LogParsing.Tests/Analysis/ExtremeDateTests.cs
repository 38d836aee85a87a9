using LogParsing.Analysis;

namespace LogParsing.Tests.Analysis;

/// <summary>Stamps that name no instant are malformed lines; stamps at the ends of DateTimeOffset's range break no analysis.</summary>
public class ExtremeDateTests
{
    [Theory]
    [InlineData("Feb 30 10:00:00 host sshd[1]: Invalid user a from 192.0.2.1 port 1")]
    [InlineData("Apr 31 10:00:00 host sshd[1]: Invalid user a from 192.0.2.1 port 1")]
    [InlineData("2023-02-29T10:00:00+00:00 host sshd[1]: Invalid user a from 192.0.2.1 port 1")]
    public void A_stamp_that_names_no_real_day_is_a_malformed_line_with_its_text(string line)
    {
        var entry = AuthLogParser.Default.Parse(line);
        Assert.IsType<MalformedLine>(entry.Event);
        Assert.Equal(line, entry.Message);
    }

    private static IAsyncEnumerable<AuthLogEntry> Read(params string[] lines) =>
        AuthLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), new AuthLogReaderOptions { Year = 2021 });

    [Fact]
    public async Task Simulate_and_summary_are_safe_on_the_first_and_last_instants()
    {
        string[] lines =
        [
            "Feb 30 10:00:00 host sshd[1]: Invalid user a from 192.0.2.1 port 1",
            "0001-01-01T00:00:00Z host sshd[1]: Invalid user a from 192.0.2.1 port 1",
            "0001-01-01T00:00:01Z host sshd[1]: Invalid user a from 192.0.2.1 port 1",
            "9999-12-31T23:59:58Z host sshd[2]: Invalid user a from 192.0.2.2 port 1",
            "9999-12-31T23:59:59Z host sshd[2]: Invalid user a from 192.0.2.2 port 1",
        ];
        var ct = TestContext.Current.CancellationToken;
        var bans = await BanSimulator.SimulateAsync(Read(lines), new BanPolicy { MaxRetry = 2, FindTime = TimeSpan.FromDays(36500), BanTime = TimeSpan.FromDays(36500) }, ct);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], bans.Select(b => b.Host));
        Assert.Equal(DateTimeOffset.MaxValue, bans[1].End);
        var summary = await AuthLogSummary.SummarizeAsync(Read(lines), ct);
        Assert.Equal((1L, 4L), (summary.Malformed, summary.Failures));
        var correlated = await Read(lines).WithSessionRemotes(cancellationToken: ct).CountAsync(ct);
        Assert.Equal(5, correlated);
    }
}
