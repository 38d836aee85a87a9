using LogParsing.Grammar;
using System.Text.Json;
using LogParsing.Analysis;
using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>events, simulate and follow, run in-process on real files.</summary>
public class CliCommandTests
{
    private static string Auth => Fixture.Sample("auth.log");

    [Fact]
    public async Task Events_ndjson_parses_back_with_every_entry_and_its_fields()
    {
        var (exit, output, _) = await CliTests.Run("events", Auth, "--year", "2021", "--tz", "UTC", "--format", "ndjson");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(57, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("2021-05-31T07:07:22+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal(("SshdInvalidUser", "failure", "abc"), (root.GetProperty("type").GetString(), root.GetProperty("outcome").GetString(), root.GetProperty("user").GetString()));
        Assert.Equal(60580, root.GetProperty("remote").GetProperty("port").GetInt32());
        Assert.Equal(52959, root.GetProperty("pid").GetInt32());
        Assert.Equal(1, root.GetProperty("line").GetInt64());
        using var offer = JsonDocument.Parse(lines.Single(l => l.Contains("SshdNegotiationFailed") && l.Contains("\"line\":43")));
        Assert.Equal(3, offer.RootElement.GetProperty("event").GetProperty("offer").GetArrayLength());
    }

    [Fact]
    public async Task Events_ecs_uses_the_fields_and_values_of_elastics_system_auth_integration()
    {
        var (_, output, _) = await CliTests.Run("events", Auth, "--year", "2021", "--tz", "UTC", "--format", "ecs", "--user", "pi");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal("2021-05-31T07:59:28.000Z", root.GetProperty("@timestamp").GetString());
        Assert.Equal("ssh_login", root.GetProperty("event").GetProperty("action").GetString());
        Assert.Equal("Invalid", root.GetProperty("system").GetProperty("auth").GetProperty("ssh").GetProperty("event").GetString());
        Assert.Equal("SshdInvalidUser", root.GetProperty("system").GetProperty("auth").GetProperty("logparsing").GetProperty("$type").GetString());
        Assert.Equal("failure", root.GetProperty("event").GetProperty("outcome").GetString());
        Assert.Equal("177.128.2.215", root.GetProperty("source").GetProperty("ip").GetString());
        Assert.Equal(57008, root.GetProperty("source").GetProperty("port").GetInt32());
        Assert.Equal("pi", root.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("sshd", root.GetProperty("process").GetProperty("name").GetString());
        Assert.Equal(53061, root.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal("nimbus", root.GetProperty("host").GetProperty("hostname").GetString());
        Assert.StartsWith("Invalid user pi", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_hour_the_post_greps_has_sixteen_distinct_hosts()
    {
        var (exit, output, _) = await CliTests.Run("summary", Auth, "--year", "2021", "--since", "May 31 07:00", "--until", "May 31 08:00");
        Assert.Equal(0, exit);
        Assert.Contains("Remote hosts:  16 distinct", output);
        Assert.Contains("Lines read:    47", output);
    }

    [Fact]
    public async Task A_summary_over_weeks_charts_failures_per_day_and_shows_the_latest_logins()
    {
        // Three days of probes with a login every hour: 72 hourly bars and 72 logins would bury the summary.
        using var dir = new TempDir();
        var lines = new List<string>();
        for (var hour = 0; hour < 72; hour++)
        {
            var day = 1 + hour / 24;
            lines.Add($"Jun  {day} {hour % 24:00}:10:00 h sshd[{hour}]: Invalid user admin from 192.0.2.{hour} port 22");
            lines.Add($"Jun  {day} {hour % 24:00}:20:00 h sshd[{hour + 100}]: Accepted publickey for deploy from 198.51.100.{hour} port 22 ssh2");
        }
        var path = dir.File("auth.log", string.Join('\n', lines) + "\n");

        var (exit, output, _) = await CliTests.Run("summary", path, "--year", "2021", "--tz", "UTC", "--top", "3");

        Assert.Equal(0, exit);
        Assert.Contains("Failures per day", output);
        Assert.DoesNotContain("Failures per hour", output);
        Assert.Matches(@"2021-06-02\s+█+ 24", output);
        Assert.Contains("Accepted logins (the last 3 of 72;", output);
        Assert.Contains("198.51.100.71", output);
        Assert.DoesNotContain("198.51.100.68 ", output);
    }

    [Fact]
    public async Task A_summary_within_two_days_keeps_failures_per_hour()
    {
        var (_, output, _) = await CliTests.Run("summary", Auth, "--year", "2021", "--tz", "UTC");

        Assert.Contains("Failures per hour", output);
        Assert.Contains("Accepted logins", output);
        Assert.DoesNotContain("Accepted logins (the last", output);
    }

    [Theory]
    // The seed log has no login; its one success is the cron session opened.
    [InlineData("--outcome", "success", 1)]
    [InlineData("--type", "InvalidUser", 15)]
    [InlineData("--program", "CRON", 2)]
    [InlineData("--host", "188.166.93.0/24", 4)]
    [InlineData("--host", "177.128.2.215", 4)]
    public async Task Events_filters_select_entries(string option, string value, int expected)
    {
        var (exit, output, _) = await CliTests.Run("events", Auth, "--year", "2021", option, value);
        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Events_text_lines_are_whole_and_uncoloured_in_a_pipe()
    {
        var (_, output, _) = await CliTests.Run("events", Auth, "--year", "2021", "--tz", "UTC", "--type", "NegotiationFailed");
        var first = output.Split('\n')[0];
        Assert.StartsWith("FAIL 2021-05-31 07:46:29 nimbus sshd[53042] SshdNegotiationFailed from=45.133.1.115:34484 | Unable to negotiate", first);
        Assert.EndsWith("[preauth]", first.TrimEnd());
        Assert.DoesNotContain('\u001b', output);
    }

    [Theory]
    [InlineData("May 31 07:00", 2021, "2021-05-31T07:00:00+00:00")]
    [InlineData("May 31", 2021, "2021-05-31T00:00:00+00:00")]
    [InlineData("2021-05-31", null, "2021-05-31T00:00:00+00:00")]
    [InlineData("2021-05-31T07:30", null, "2021-05-31T07:30:00+00:00")]
    [InlineData("2021-05-31 07:30:15", null, "2021-05-31T07:30:15+00:00")]
    [InlineData("2021-05-31T07:30:00+02:00", null, "2021-05-31T07:30:00+02:00")]
    [InlineData("2h", null, "2026-11-27T10:00:00+00:00")]
    [InlineData("1d", null, "2026-11-26T12:00:00+00:00")]
    public void Time_arguments_read_classic_iso_and_relative_forms(string text, int? year, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EntryFilter.ParseTime(text, "--since", year, TimeZoneInfo.Utc, now));
    }

    [Fact]
    public async Task A_bad_time_is_an_invalid_argument()
    {
        var (exit, _, error) = await CliTests.Run("events", Auth, "--since", "yesterday-ish");
        Assert.Equal(2, exit);
        Assert.Contains("--since", error);
    }

    [Theory]
    [InlineData("600", 600)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    public void Durations_read_fail2ban_forms(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SimulateCommand.Duration(text, "--findtime"));

    [Fact]
    public async Task Simulate_bans_the_hosts_a_jail_would_and_sets_real_bans_beside()
    {
        var (exit, output, _) = await CliTests.Run("simulate", Auth, "--year", "2021", "--tz", "UTC", "--maxretry", "3", "--findtime", "1h", "--fail2ban", Fixture.Sample("fail2ban.log"));
        Assert.Equal(0, exit);
        Assert.Contains("Simulated bans: 2 of 2 hosts", output);
        Assert.Matches(@"177\.128\.2\.215\s+│\s+1\s+│\s+2021-05-31 07:59:28\s+│\s+0", output);
        Assert.Matches(@"209\.141\.36\.197\s+│\s+0\s+│\s+-\s+│\s+8", output);
    }

    [Fact]
    public async Task Ban_simulator_respects_findtime_and_bantime()
    {
        var lines = new[]
        {
            "May 31 07:00:00 h sshd[1]: Invalid user a from 192.0.2.1 port 1",
            "May 31 07:15:00 h sshd[2]: Invalid user b from 192.0.2.1 port 1",
            "May 31 07:20:00 h sshd[3]: Invalid user c from 192.0.2.1 port 1", // the first has fallen out of the 10 minute window
            "May 31 07:21:00 h sshd[4]: Invalid user d from 192.0.2.1 port 1", // 3 within 10 minutes: ban until 07:31
            "May 31 07:25:00 h sshd[5]: Invalid user e from 192.0.2.1 port 1", // banned: not counted
            "May 31 07:40:00 h sshd[6]: Invalid user f from 192.0.2.1 port 1",
        };
        var entries = lines.Select(l => AuthLogParser.Default.Parse(l.AsSpan(), new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc), default, false)).ToAsyncEnumerable();
        var bans = await BanSimulator.SimulateAsync(entries, new BanPolicy { MaxRetry = 3 }, TestContext.Current.CancellationToken);
        var ban = Assert.Single(bans);
        Assert.Equal((new DateTimeOffset(2021, 5, 31, 7, 21, 0, TimeSpan.Zero), new DateTimeOffset(2021, 5, 31, 7, 31, 0, TimeSpan.Zero), 3), (ban.Start, ban.End!.Value, ban.Failures));
    }

    [Fact]
    public async Task Summary_has_a_detections_section_unless_told_not_to()
    {
        var (exit, output, _) = await CliTests.Run("summary", Auth, "--year", "2021");
        Assert.Equal(0, exit);
        Assert.Contains("Detections", output);
        var (quickExit, quick, _) = await CliTests.Run("summary", Auth, "--year", "2021", "--no-detections");
        Assert.Equal(0, quickExit);
        Assert.DoesNotContain("Detections", quick);
        // The rest of the summary is the same.
        Assert.StartsWith(quick.TrimEnd(), output);
    }

    [Fact]
    public async Task Follow_prints_appended_lines_and_survives_rotation()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "May 31 07:00:00 h sshd[1]: Invalid user old from 192.0.2.1 port 1\n");
        using var cli = new LiveCli("follow", path, "--year", "2021");
        // The follower says on stderr when it is in place, as tail -F does: no sleep.
        await cli.Started();
        Assert.Contains($"authlog: following {path}", cli.Errors);
        File.AppendAllText(path, "May 31 07:00:01 h sshd[2]: Invalid user first from 192.0.2.2 port 1\n");
        await LiveCli.Until(() => cli.Output.Contains("user=first"));
        File.Move(path, path + ".1");
        File.WriteAllText(path, "May 31 07:00:02 h sshd[3]: Invalid user second from 192.0.2.3 port 1\n");
        await LiveCli.Until(() => cli.Output.Contains("user=second"));
        await LiveCli.Until(() => cli.Errors.Contains("was rotated or truncated; following the new content"));
        Assert.Equal(0, await cli.Stop());
        Assert.DoesNotContain("user=old", cli.Output);
    }

    // An attacker's user name with a bidi override, zero-width characters, a line separator and a C1 control: none may
    // reach the terminal as themselves, in any command that prints log text.
    private const string Spoof = "ad\u202Enimda\u200B\u2066x\u2069\uFEFF\u2028y\u0085z";

    private static void AssertNoHiddenCharacters(string output)
    {
        foreach (var c in output)
            Assert.False(char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator || (char.IsControl(c) && c is not '\n' and not '\r'),
                $"U+{(int)c:X4} reached the output");
        Assert.Contains("ad\\u{202E}nimda\\u{200B}\\u{2066}x\\u{2069}\\u{FEFF}\\u{2028}y\\x85z", output);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("events")]
    public async Task Format_and_separator_characters_are_escaped(string command)
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", $"May 31 07:07:22 nimbus sshd[1]: Invalid user {Spoof} from 192.0.2.1 port 1\n");
        var (exit, output, _) = await CliTests.Run(command, path, "--year", "2021");
        Assert.Equal(0, exit);
        AssertNoHiddenCharacters(output);
    }

    [Fact]
    public async Task Follow_escapes_format_and_separator_characters()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        using var cli = new LiveCli("follow", path, "--year", "2021");
        await cli.Started();
        File.AppendAllText(path, $"May 31 07:07:22 nimbus sshd[1]: Invalid user {Spoof} from 192.0.2.1 port 1\n");
        await LiveCli.Until(() => cli.Output.Contains("nimbus"));
        Assert.Equal(0, await cli.Stop());
        AssertNoHiddenCharacters(cli.Output);
    }
}
