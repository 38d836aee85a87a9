namespace LogParsing.Tests.Cli;

/// <summary>
/// <c>--state FILE</c> on <c>events</c> and <c>follow</c>: each run prints the lines written since the last one, across
/// rotation, never one twice (issue 17, "Resuming").
/// </summary>
public class StateTests
{
    private static string Lines(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"May 31 07:00:{i % 60:00} h sshd[{i}]: Invalid user u{i} from 192.0.2.1 port {1000 + i}\n"));

    private static async Task<string[]> Events(string path, string state)
    {
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ndjson", "--state", state);
        Assert.True(exit == 0, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("user").GetString()!)];
    }

    [Fact]
    public async Task Events_with_a_state_prints_only_what_was_written_since_the_last_run()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 5));
        var state = Path.Combine(dir.Path, "auth.state");
        Assert.Equal(["u0", "u1", "u2", "u3", "u4"], await Events(path, state));
        Assert.Empty(await Events(path, state));
        File.AppendAllText(path, Lines(5, 3));
        Assert.Equal(["u5", "u6", "u7"], await Events(path, state));

        // Rotated between two runs, with a last line written to the old file before the logger reopened.
        File.AppendAllText(path, Lines(8, 1));
        File.Move(path, path + ".1");
        File.WriteAllText(path, Lines(9, 2));
        Assert.Equal(["u8", "u9", "u10"], await Events(path, state));
        Assert.Contains("\"fingerprint\"", File.ReadAllText(state));
    }

    [Fact]
    public async Task A_state_needs_one_log_file_or_the_journal()
    {
        using var dir = new TempDir();
        var (exit, _, error) = await CliTests.Run("events", "-", "--state", Path.Combine(dir.Path, "s"));
        Assert.Equal(2, exit);
        Assert.Contains("--state needs exactly one log file, or --journal", error);
    }

    /// <summary>
    /// A journalctl over a journal file the test appends to (lines of journal.json, a real <c>journalctl -o json</c>
    /// capture), honouring <c>--after-cursor</c> as journalctl(1) documents it.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string FakeJournalctl(TempDir dir, string journal) => Journal.FakeJournalctl.Resuming(dir, journal);

    [Theory]
    [InlineData("events")]
    [InlineData("follow")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_journal_with_a_state_resumes_after_the_cursor_of_the_last_entry_handled(string command)
    {
        using var dir = new TempDir();
        var all = File.ReadAllLines(Fixture.Path("journal.json"));
        var journal = dir.File("journal.json", string.Join('\n', all[..8]) + "\n");
        var journalctl = FakeJournalctl(dir, journal);
        var state = Path.Combine(dir.Path, "journal.state");
        async Task<string[]> Run()
        {
            // follow ends when journalctl does, as the fake one does after printing.
            var (exit, output, error) = await CliTests.Run(command, "--journal", "--journalctl", journalctl, "--format", "ecs", "--original", "--state", state);
            Assert.True(exit == 0, error);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("event").GetProperty("original").GetString()!)];
        }

        var first = await Run();
        Assert.Contains("\"cursor\"", File.ReadAllText(state));
        Assert.Empty(await Run());
        File.AppendAllText(journal, string.Join('\n', all[8..]) + "\n");
        var second = await Run();

        Assert.Equal(8, first.Length);
        Assert.Equal(all.Length, first.Length + second.Length);
        Assert.Equal(all.Length, first.Concat(second).Distinct().Count());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_file_state_given_to_the_journal_and_the_reverse_are_argument_errors()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 2));
        var fileState = Path.Combine(dir.Path, "auth.state");
        await Events(path, fileState);
        var journalState = dir.File("journal.state", "{\"cursor\": \"s=24c055933f2e45c49cf0aadba66cdcf2;i=1a2b0\"}");
        var journalctl = FakeJournalctl(dir, Fixture.Path("journal.json"));

        var (exit, _, error) = await CliTests.Run("events", "--journal", "--journalctl", journalctl, "--state", fileState);
        var (exit2, _, error2) = await CliTests.Run("events", path, "--state", journalState);

        Assert.Equal((2, 2), (exit, exit2));
        Assert.Contains("not a journal cursor", error);
        Assert.Contains("holds a journal cursor", error2);
    }

    [Fact]
    public async Task A_state_file_that_is_not_one_is_an_argument_error()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 1));
        var state = dir.File("auth.state", "{\"hello\": 1}");
        var (exit, _, error) = await CliTests.Run("events", path, "--state", state);
        Assert.Equal(2, exit);
        Assert.Contains("not a state this tool saved", error);
    }

    [Fact]
    public async Task A_state_saved_for_a_file_since_rewritten_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 3));
        var state = Path.Combine(dir.Path, "auth.state");
        await Events(path, state);
        File.WriteAllText(path, Lines(40, 3));
        var (exit, _, error) = await CliTests.Run("events", path, "--year", "2021", "--state", state);
        Assert.Equal(1, exit);
        Assert.Contains("checkpoint", error);
    }

    [Fact]
    public async Task Follow_with_a_state_resumes_after_the_last_line_it_printed()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 2));
        var state = Path.Combine(dir.Path, "auth.state");

        async Task<string> FollowUntil(string expected, Action afterStart)
        {
            using var cli = new LiveCli("follow", path, "--year", "2021", "--state", state);
            await cli.Started();
            afterStart();
            await LiveCli.Until(() => cli.Output.Contains(expected));
            Assert.Equal(0, await cli.Stop());
            return cli.Output;
        }

        // First run: no state yet, so only new lines (as tail -F); the state then holds the last one printed.
        var first = await FollowUntil("user=u3", () => File.AppendAllText(path, Lines(2, 2)));
        Assert.DoesNotContain("user=u1 ", first);
        // Written while nobody followed, then more once the second run is in place.
        File.AppendAllText(path, Lines(4, 2));
        var second = await FollowUntil("user=u7", () => File.AppendAllText(path, Lines(6, 2)));
        Assert.DoesNotContain("user=u3 ", second);
        foreach (var user in new[] { "u4", "u5", "u6", "u7" }) Assert.Contains($"user={user} ", second);
    }
}
