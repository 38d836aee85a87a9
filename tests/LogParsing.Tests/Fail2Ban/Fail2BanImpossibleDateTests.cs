namespace LogParsing.Tests.Fail2Ban;

/// <summary>A fail2ban record whose stamp names no instant is a malformed line of its own (issue 15, defect 3).</summary>
public class Fail2BanImpossibleDateTests
{
    [Fact]
    public async Task A_record_dated_february_30_is_malformed_and_not_folded()
    {
        var text = "2021-02-28 10:00:00,123 fail2ban.actions        [811]: NOTICE  [sshd] Ban 192.0.2.1\n"
                 + "2021-02-30 10:00:00,123 fail2ban.actions        [811]: NOTICE  [sshd] Ban 192.0.2.2\n";
        var entries = new List<Fail2BanEntry>();
        await foreach (var e in Fail2BanLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), cancellationToken: TestContext.Current.CancellationToken))
            entries.Add(e);
        Assert.Equal(2, entries.Count);
        Assert.IsType<LogParsing.Fail2Ban.Fail2BanBan>(entries[0].Event);
        Assert.IsType<LogParsing.Fail2Ban.MalformedFail2BanLine>(entries[1].Event);
        Assert.StartsWith("2021-02-30", entries[1].Message);
    }
}
