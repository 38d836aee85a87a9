using LogParsing.Analysis;

namespace LogParsing.Tests.Analysis;

/// <summary>The one counting rule of the analyses: fail2ban's sshd modes, repeats counted N times, logins apart from sessions.</summary>
public class AttemptCountingTests
{
    private static AuthLogEntry Entry(string message, string tag = "sshd[100]") => AuthLogParser.Default.Parse($"Mar 14 03:12:09 host {tag}: {message}");

    [Theory]
    // fail2ban sshd.conf: cmnfailre (every mode), mdre-ddos, mdre-extra (research/fail2ban-sshd-filter.md rows 1, 7, 9, 6a)
    [InlineData("Invalid user admin from 192.0.2.1 port 4000", true, true, true, true)]
    [InlineData("Connection closed by 192.0.2.1 port 4000 [preauth]", false, true, false, true)]
    [InlineData("Unable to negotiate with 192.0.2.1 port 4000: no matching key exchange method found. Their offer: a,b [preauth]", false, false, true, true)]
    [InlineData("Disconnected from invalid user admin 192.0.2.1 port 4000 [preauth]", false, true, true, true)]
    [InlineData("Disconnecting invalid user admin 192.0.2.1 port 4000: Too many authentication failures [preauth]", false, false, false, false)]
    [InlineData("Disconnecting: Too many authentication failures for root [preauth]", true, true, true, true)]
    public void Each_mode_counts_what_fail2ban_counts(string message, bool normal, bool ddos, bool extra, bool aggressive)
    {
        var e = Entry(message).Event;
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        Assert.Equal(
            (normal, ddos, extra, aggressive),
            (new AttemptCounting { Mode = Fail2BanSshdMode.Normal }.IsFailedAttempt(e), new AttemptCounting { Mode = Fail2BanSshdMode.Ddos }.IsFailedAttempt(e),
             new AttemptCounting { Mode = Fail2BanSshdMode.Extra }.IsFailedAttempt(e), AttemptCounting.Default.IsFailedAttempt(e)));
    }

    [Fact]
    public void A_repeat_summary_counts_its_repeats()
    {
        var entry = Entry("message repeated 3 times: [ Failed password for root from 192.0.2.1 port 4000 ssh2]");
        Assert.Equal(3, AttemptCounting.Default.FailedAttempts(entry));
    }

    [Fact]
    public void Sessions_and_account_changes_are_successes_but_not_logins()
    {
        var session = Entry("pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", "CRON[5]");
        var accepted = Entry("Accepted publickey for alice from 192.0.2.1 port 4000 ssh2: ED25519 SHA256:abc");
        var pamUnderSshd = Entry("pam_sss(sshd:auth): authentication success; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1 user=alice");
        Assert.Equal((AuthOutcome.Success, 0), (session.Event.Outcome, AttemptCounting.Default.Logins(session)));
        Assert.Equal(1, AttemptCounting.Default.Logins(accepted));
        Assert.Equal((AuthOutcome.Success, 0), (pamUnderSshd.Event.Outcome, AttemptCounting.Default.Logins(pamUnderSshd)));
    }

    [Fact]
    public async Task Summary_and_ban_simulator_count_repeats_and_skip_pam_under_sshd()
    {
        var lines = string.Join('\n',
            "Mar 14 03:12:09 host sshd[100]: Failed password for root from 192.0.2.1 port 4000 ssh2",
            "Mar 14 03:12:09 host sshd[100]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1  user=root",
            "Mar 14 03:12:10 host sshd[100]: message repeated 4 times: [ Failed password for root from 192.0.2.1 port 4000 ssh2]",
            "Mar 14 03:12:11 host kernel: usb 1-1: new high-speed USB device number 2 using ehci-pci",
            "Mar 14 03:12:12 host kernel: usb 2-1: new high-speed USB device number 7 using ehci-pci") + "\n";
        IAsyncEnumerable<AuthLogEntry> Read() => AuthLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)), new AuthLogReaderOptions { Year = 2024 });
        var summary = await AuthLogSummary.SummarizeAsync(Read(), TestContext.Current.CancellationToken);
        Assert.Equal(5, summary.Failures);
        Assert.Equal(5, summary.Hosts.Single().Failures);
        Assert.Equal([new KeyValuePair<string, long>("kernel: usb # new high-speed USB device ...", 2)], summary.UnrecognizedShapes);
        var bans = await BanSimulator.SimulateAsync(Read(), new BanPolicy { MaxRetry = 5 }, TestContext.Current.CancellationToken);
        Assert.Equal("192.0.2.1", Assert.Single(bans).Host);
    }
}
