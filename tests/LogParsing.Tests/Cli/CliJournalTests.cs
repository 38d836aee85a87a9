using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>authlog on the systemd journal: --journal, and the fallback when /var/log/auth.log does not exist.</summary>
public class CliJournalTests
{
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string FakeJournalctl(TempDir dir)
    {
        var path = Path.Combine(dir.Path, "journalctl");
        File.WriteAllText(path, $"#!/bin/sh\ncat '{Fixture.Path("journal.json")}'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Summary_reads_the_journal_when_asked()
    {
        using var dir = new TempDir();
        var (exit, output, error) = await CliTests.Run("summary", "--journal", "--journalctl", FakeJournalctl(dir), "--tz", "UTC");
        Assert.True(exit == 0, error);
        Assert.Contains("authlog summary of the systemd journal", output);
        Assert.Contains("Lines read:    " + File.ReadAllLines(Fixture.Path("journal.json")).Length, output);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_missing_auth_log_falls_back_to_the_journal_and_says_so()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        var source = Inputs.ResolveAuth([], journal: false, FakeJournalctl(dir), Path.Combine(dir.Path, "auth.log"), error);
        Assert.True(source.Journal);
        Assert.Contains("does not exist here; reading the systemd journal instead", error.ToString());
    }

    [Fact]
    public void Without_journalctl_a_missing_auth_log_is_the_helpful_message()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<FileNotFoundException>(() => Inputs.ResolveAuth([], false, Path.Combine(dir.Path, "no-journalctl"), Path.Combine(dir.Path, "auth.log"), TextWriter.Null));
        Assert.Contains("does not exist here", ex.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Since_is_passed_to_journalctl_so_that_it_skips_the_older_journal()
    {
        // journal.json's entries run from 14:59:17 to 15:13:48 UTC on 2024-07-03; the eleven from 15:01:00 on are wanted.
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var journalctl = LogParsing.Tests.Journal.FakeJournalctl.Resuming(dir, Fixture.Path("journal.json"), args);

        var (exit, output, error) = await CliTests.Run("events", "--journal", "--journalctl", journalctl, "--tz", "UTC", "--since", "2024-07-03T15:01", "--format", "ndjson");

        Assert.True(exit == 0, error);
        Assert.Contains("--since=@1720018860", File.ReadAllLines(args));
        Assert.Equal(11, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
