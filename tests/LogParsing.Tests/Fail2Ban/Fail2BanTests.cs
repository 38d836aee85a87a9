using LogParsing.Tests.Cli;
using System.Net;
using LogParsing.Analysis;
using LogParsing.Fail2Ban;
using Snapshooter.Xunit3;

namespace LogParsing.Tests.Fail2Ban;

public class Fail2BanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly LogReaderOptions Utc = new() { TimeZone = TimeZoneInfo.Utc, Year = 2021 };

    private static Task<List<Fail2BanEntry>> Read(string fixture) =>
        Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(Fixture.Path(fixture), Utc, Ct));

    private static Fail2BanEntry Line(string line) => new Fail2BanParser(Utc).TryParse(line, out var entry) ? entry : throw new Xunit.Sdk.XunitException("no record: " + line);

    [Fact]
    public async Task Seed_post_lines_are_fifteen_bans_with_every_field()
    {
        var entries = await Read("seed-fail2ban.log");
        Assert.Equal(15, entries.Count);
        Assert.All(entries, e => Assert.IsType<Fail2BanBan>(e.Event));
        var first = entries[0];
        Assert.Equal(new DateTimeOffset(2021, 5, 30, 0, 51, 39, 363, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(("fail2ban.actions", 448, Fail2BanLevel.Notice, "NOTICE", "sshd"), (first.Logger, first.ProcessId, first.Level, first.LevelName, first.Jail));
        Assert.Equal("[sshd] Ban 209.141.36.197", first.Message);
        Assert.Equal(IPAddress.Parse("209.141.36.197"), first.Event.Address);
        Assert.False(first.YearWasInferred);
    }

    [Fact]
    public async Task Seed_post_has_six_repeat_offenders_and_one_banned_eight_times()
    {
        var report = await Fail2BanReport.CreateAsync(Fail2BanLogReader.ReadAsync(Fixture.Path("seed-fail2ban.log"), Utc, Ct), Ct);
        Assert.Equal(6, report.BannedHosts.Length);
        Assert.Equal(("209.141.36.197", 8L), (report.BannedHosts[0].Target, report.BannedHosts[0].Bans));
        Assert.Equal(["106.102.0.44", "109.116.136.119", "109.64.19.179", "209.141.36.197", "218.102.252.139", "87.241.1.186"],
            report.BannedHosts.Select(h => h.Target).Order(StringComparer.Ordinal));
        Assert.Equal([new KeyValuePair<string, long>("sshd", 15)], report.BansPerJail);
    }

    [Fact]
    public async Task Mixed_fixture_matches_the_snapshot()
    {
        var entries = await Read("fail2ban-mixed.log");
        var text = string.Join("\n", entries.Select(e =>
            $"{e.Position.Line,3} {e.Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz}{(e.YearWasInferred ? "?" : "")} host={e.Host ?? "-"} {e.Logger}[{e.ProcessId?.ToString() ?? "-"}] {e.LevelName}/{e.Level} jail={e.Jail ?? "-"}\n" +
            $"    {e.Event.GetType().Name} {System.Text.Json.JsonSerializer.Serialize(e.Event, e.Event.GetType(), RenderJson)}\n" +
            $"    message={System.Text.Json.JsonSerializer.Serialize(e.Message, RenderJson)}"));
        Snapshot.Match(text);
    }

    private static readonly System.Text.Json.JsonSerializerOptions RenderJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new IPAddressToString() },
    };

    private sealed class IPAddressToString : System.Text.Json.Serialization.JsonConverter<IPAddress>
    {
        public override IPAddress Read(ref System.Text.Json.Utf8JsonReader reader, Type t, System.Text.Json.JsonSerializerOptions o) => IPAddress.Parse(reader.GetString()!);
        public override void Write(System.Text.Json.Utf8JsonWriter writer, IPAddress value, System.Text.Json.JsonSerializerOptions o) => writer.WriteStringValue(value.ToString());
    }

    [Fact]
    public async Task Kept_originals_are_each_record_as_written_with_the_lines_folded_into_it()
    {
        // fail2ban-mixed.log: fail2ban's own log forms (the recidive filter's test log, fail2ban/tests/files/logs/recidive,
        // and servers' logs), with a CRITICAL record followed by its Python traceback and a DEBUG record followed by the
        // rest of a multi-line action command.
        var path = Fixture.Path("fail2ban-mixed.log");
        var lines = File.ReadAllLines(path);
        var entries = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(path, Utc with { KeepOriginal = true }, Ct));

        foreach (var e in entries)
        {
            var last = e.LastLine?.Line ?? e.Position.Line;
            Assert.Equal(string.Join('\n', lines[(int)(e.Position.Line - 1)..(int)last]), e.Original);
        }
        var critical = Assert.Single(entries, e => e.Level == Fail2BanLevel.Critical);
        Assert.Equal("""
            2014-11-07 00:21:20,440 fail2ban                [1510]: CRITICAL Unhandled exception in Fail2Ban:
            Traceback (most recent call last):
              File "/usr/lib/python3.4/site-packages/fail2ban/server/jailthread.py", line 64, in run_with_except_hook
                run(*args, **kwargs)
            KeyError: '_PID'
            """.ReplaceLineEndings("\n"), critical.Original);
        Assert.All(await Read("fail2ban-mixed.log"), e => Assert.Null(e.Original));
    }

    [Fact]
    public async Task A_kept_original_of_a_line_that_starts_no_record_is_the_line()
    {
        // A traceback whose record was rotated into the previous file (fail2ban/server/action.py's executeCmd failing),
        // then a NOTICE ban of fail2ban's actions.py ("[%s] Ban %s").
        var text = "Traceback (most recent call last):\n2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 209.141.36.197\n";
        var entries = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), Utc with { KeepOriginal = true }, Ct));
        Assert.Equal(["Traceback (most recent call last):", "2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 209.141.36.197"], entries.Select(e => e.Original));
        Assert.IsType<MalformedFail2BanLine>(entries[0].Event);
    }

    [Fact]
    public async Task Continuation_lines_fold_into_the_previous_record_and_nothing_is_lost()
    {
        var entries = await Read("fail2ban-mixed.log");
        var critical = Assert.Single(entries, e => e.Level == Fail2BanLevel.Critical);
        Assert.Equal("Unhandled exception in Fail2Ban:\nTraceback (most recent call last):\n  File \"/usr/lib/python3.4/site-packages/fail2ban/server/jailthread.py\", line 64, in run_with_except_hook\n    run(*args, **kwargs)\nKeyError: '_PID'", critical.Message);
        var action = Assert.Single(entries, e => e.Logger == "fail2ban.action");
        Assert.EndsWith("f2b-SSH\niptables -w -F f2b-SSH\niptables -w -X f2b-SSH", action.Message);
        var lines = File.ReadAllLines(Fixture.Path("fail2ban-mixed.log")).Length;
        Assert.Equal(lines, entries.Sum(e => e.Message.Count(c => c == '\n') + 1));
        Assert.DoesNotContain(entries, e => e.Event is MalformedFail2BanLine);
    }

    [Fact]
    public async Task A_continuation_line_with_no_record_before_it_is_kept_as_malformed()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("Traceback (most recent call last):\n2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 1.2.3.4\n");
        var entries = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(new MemoryStream(bytes), Utc, Ct));
        Assert.Equal(2, entries.Count);
        Assert.IsType<MalformedFail2BanLine>(entries[0].Event);
        Assert.Equal("Traceback (most recent call last):", entries[0].Message);
        Assert.Null(entries[0].Level);
    }

    [Theory]
    [InlineData("2006-02-13 15:52:30,388 fail2ban.actions: NOTICE [sendmail] Ban 1.2.3.4", "fail2ban.actions", null)]
    [InlineData("2006-02-13 15:52:30,388 fail2ban.actions[123]: NOTICE [sendmail] Ban 1.2.3.4", "fail2ban.actions", 123)]
    [InlineData("2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sendmail] Ban 1.2.3.4", "fail2ban.actions", 448)]
    [InlineData("2019-07-29 15:15:17,629 fail2ban.actions        [9578]: NOTICE  [sendmail] Ban 1.2.3.4", "fail2ban.actions", 9578)]
    public void Every_file_generation_reads_logger_pid_jail_and_ban(string line, string logger, int? pid)
    {
        var e = Line(line);
        Assert.Equal((logger, pid, "sendmail"), (e.Logger, e.ProcessId, e.Jail));
        Assert.Equal("1.2.3.4", Assert.IsType<Fail2BanBan>(e.Event).Target);
    }

    [Fact]
    public void Syslog_forms_read_host_and_infer_the_year()
    {
        var e = Line("Jan 16 17:11:25 testorg fail2ban.actions[6605]: NOTICE [postfix-auth] Ban 192.0.2.1");
        Assert.Equal(("testorg", "fail2ban.actions", 6605, "postfix-auth"), (e.Host, e.Logger, e.ProcessId, e.Jail));
        Assert.Equal(new DateTimeOffset(2021, 1, 16, 17, 11, 25, TimeSpan.Zero), e.Timestamp);
        var journal = Line("Mar 05 08:41:28 test.org fail2ban-server[11524]: fail2ban.actions        [11524]: NOTICE  [postfix-auth] Ban 192.0.2.2");
        Assert.Equal(("test.org", "fail2ban.actions", 11524), (journal.Host, journal.Logger, journal.ProcessId));
        Assert.IsType<Fail2BanBan>(journal.Event);
    }

    [Fact]
    public void Increase_ban_reads_count_ban_time_and_until()
    {
        var e = Assert.IsType<Fail2BanIncreaseBan>(Line("2020-01-23 03:29:58,601 fail2ban.observer       [24100]: NOTICE  [apache-403] Increase Ban 192.0.2.9 (2 # 2 days, 0:00:00 -> 2020-01-25 03:29:58)").Event);
        Assert.Equal((2, TimeSpan.FromDays(2), new DateTime(2020, 1, 25, 3, 29, 58)), (e.BanCount, e.BanTime!.Value, e.Until!.Value));
        var permanent = Assert.IsType<Fail2BanIncreaseBan>(Line("2020-01-23 04:00:00,100 fail2ban.observer       [1]: NOTICE  [recidive] Increase Ban 2001:db8::7 (5 # permanent -> infinite)").Event);
        Assert.True(permanent.Permanent);
        Assert.Null(permanent.BanTime);
        Assert.Null(permanent.Until);
        Assert.Equal(IPAddress.Parse("2001:db8::7"), permanent.Address);
    }

    [Fact]
    public void Found_ignore_and_lifecycle_events()
    {
        var found = Assert.IsType<Fail2BanFound>(Line("2019-07-07 17:57:23,657 fail2ban.filter         [16259]: INFO    [sshd] Found 192.168.1.236 - 2019-07-07 17:57:23").Event);
        Assert.Equal(new DateTime(2019, 7, 7, 17, 57, 23), found.Time);
        Assert.Equal("ip", Assert.IsType<Fail2BanIgnore>(Line("2019-07-07 17:58:00,000 fail2ban.filter [1]: INFO    [sshd] Ignore 10.0.0.5 by ip").Event).By);
        Assert.Equal("sshd", Assert.IsType<Fail2BanJailStarted>(Line("2020-12-23 00:30:51,601 fail2ban.jail           [60204]: INFO    Jail 'sshd' started").Event).Name);
        Assert.Equal("0.11.2", Assert.IsType<Fail2BanStarting>(Line("2021-01-01 00:00:00,000 fail2ban.server         [1]: INFO    Starting Fail2ban v0.11.2").Event).Version);
        var added = Assert.IsType<Fail2BanLogFileAdded>(Line("2020-05-15 11:38:28,486 fail2ban.filter         [7990]: INFO    [sshd] Added logfile: '/var/log/auth.log' (pos = 97800, hash = ccb0555b)").Event);
        Assert.Equal(("/var/log/auth.log", 97800L, "ccb0555b"), (added.Path, added.FilePosition, added.Hash));
        Assert.IsType<Fail2BanExiting>(Line("2021-01-01 00:00:00,000 fail2ban.server         [1]: INFO    Exiting Fail2ban").Event);
        Assert.Equal("/var/lib/fail2ban/fail2ban.sqlite3", Assert.IsType<Fail2BanDatabaseConnected>(Line("2019-07-07 17:46:05,580 fail2ban.database       [16259]: INFO    Connected to fail2ban persistent database '/var/lib/fail2ban/fail2ban.sqlite3'").Event).Path);
        Assert.True(Assert.IsType<Fail2BanUnban>(Line("2020-12-23 00:40:00,000 fail2ban.actions        [1]: NOTICE  [sshd] Repeal Ban 192.168.1.236").Event).Repealed);
    }

    [Theory]
    [InlineData("Level 39", Fail2BanLevel.Warning)] // below ERROR (40): Python shows it wherever WARNING shows
    [InlineData("Level 5", Fail2BanLevel.HeavyDebug)]
    [InlineData("HEAVYDEBUG", Fail2BanLevel.HeavyDebug)]
    [InlineData("MSG", Fail2BanLevel.Info)]
    [InlineData("TRACE", Fail2BanLevel.Debug)]
    [InlineData("WARNING", Fail2BanLevel.Warning)]
    [InlineData("CRITICAL", Fail2BanLevel.Critical)]
    public void Numbered_and_named_levels_read_without_failing(string level, Fail2BanLevel expected)
    {
        var e = Line($"2020-05-11 19:55:48,250 fail2ban.utils          [529]: {level} 76537f40 -- exec: true");
        Assert.Equal((expected, level), (e.Level!.Value, e.LevelName));
        Assert.Equal("76537f40 -- exec: true", e.Message);
        Assert.IsType<UnrecognizedFail2BanEvent>(e.Event);
    }

    [Fact]
    public void Message_keeps_its_own_leading_spaces_after_the_padded_level()
    {
        Assert.Equal("  maxRetry: 5", Line("2020-05-15 11:38:28,487 fail2ban.filter         [7990]: INFO      maxRetry: 5").Message);
    }

    [Fact]
    public void Auth_log_reader_recognises_fail2ban_lines_as_an_event_carrying_the_record()
    {
        var e = AuthLogParser.Default.Parse("Mar 05 08:41:28 test.org fail2ban-server[11524]: fail2ban.actions        [11524]: NOTICE  [postfix-auth] Ban 192.0.2.2");
        var logged = Assert.IsType<Fail2BanLogged>(e.Event);
        Assert.Equal(("fail2ban.actions", "postfix-auth"), (logged.Record.Logger, logged.Record.Jail));
        Assert.IsType<Fail2BanBan>(logged.Record.Event);
        Assert.Equal("192.0.2.2", logged.Remote!.Host);
        var direct = Assert.IsType<Fail2BanLogged>(AuthLogParser.Default.Parse("Jan 16 17:11:25 testorg fail2ban.actions[6605]: NOTICE [postfix-auth] Ban 192.0.2.1").Event);
        Assert.Equal(Fail2BanLevel.Notice, direct.Record.Level);
    }

    [Fact]
    public async Task Bans_command_prints_the_six_repeat_offenders_with_their_counts()
    {
        var (exit, output, _) = await CliTests.Run("bans", Fixture.Sample("fail2ban.log"), "--tz", "UTC");
        Assert.Equal(0, exit);
        Assert.Matches(@"209\.141\.36\.197\s+│\s+8 ", output);
        Assert.Matches(@"109\.64\.19\.179\s+│\s+3 ", output);
        foreach (var host in new[] { "106.102.0.44", "109.116.136.119", "218.102.252.139", "87.241.1.186" })
            Assert.Matches(host.Replace(".", @"\.") + @"\s+│\s+1 ", output);
        Snapshot.Match(output.Replace(Fixture.Sample("fail2ban.log"), "docs/samples/fail2ban.log"));
    }
}
