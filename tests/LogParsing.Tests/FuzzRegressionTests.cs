namespace LogParsing.Tests;

/// <summary>Inputs the fuzzer (fuzz/run.sh) found crashing, kept so they never crash again.</summary>
public class FuzzRegressionTests
{
    [Theory]
    [InlineData("crash-year-zero.bin")] // "0000-07-03T14:59:19..." threw from DateTime.DaysInMonth (year 0)
    public async Task A_crashing_input_reads_without_throwing(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", name), TestContext.Current.CancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        foreach (var line in text.Split('\n'))
        {
            AuthLogParser.Default.TryParse(line, out _);
            _ = Fail2BanParser.Default.Parse(line);
        }
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(bytes), null, TestContext.Current.CancellationToken));
        Assert.NotEmpty(entries);
        await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(new MemoryStream(bytes), null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("0000-07-03T14:59:19.480465+0000 web01 sshd-session[1571]: Failed password for root from 192.0.2.1 port 1 ssh2")]
    [InlineData("0000-12-30 00:00:00 server test-demo[47831]:  F2B: failure from 192.0.2.1")]
    public void A_year_zero_stamp_is_not_a_stamp(string line)
    {
        var e = AuthLogParser.Default.Parse(line);
        Assert.IsType<MalformedLine>(e.Event);
        Assert.Equal(line, e.Message);
    }

    [Theory]
    [InlineData("999999999999.5 host sshd[1]: Received signal 15; terminating.")]
    [InlineData("May 31 07:07:22 host sshd[1]: srclimit_penalise: ipv4: new 192.0.2.7/32 active penalty of 1e400 seconds for penalty: x")]
    [InlineData("May 31 07:07:22 host sshd[1]: srclimit_penalise: ipv4: new 192.0.2.7/32 active penalty of 99999999999999999999 seconds for penalty: x")]
    public void Numbers_out_of_range_do_not_throw(string line) => Assert.NotNull(AuthLogParser.Default.Parse(line).Event);

    [Theory]
    [InlineData("2021-05-30 00:51:39,363 fail2ban.filter [448]: INFO    [sshd] Found 192.0.2.1 - 2021-02-30 10:00:00")]
    [InlineData("2021-05-30 00:51:39,363 fail2ban.observer [448]: NOTICE  [sshd] Increase Ban 192.0.2.1 (2 # 2147483647 days, 0:00:00 -> 2021-02-30 03:29:58)")]
    public void Fail2ban_dates_and_durations_out_of_range_do_not_throw(string line) => Assert.True(Fail2BanParser.Default.TryParse(line, out _));
}
