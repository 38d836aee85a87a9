using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using LogParsing.Auth.Sshd;
using Snapshooter.Xunit3;

namespace LogParsing.Tests.Journal;

/// <summary>
/// The journal as a source: journalctl's JSON and text outputs give the same entries as auth.log, and the journalctl
/// child process is started, read, failed and killed as it should be. The fixtures are one session on a Debian 13 host
/// (sshd-session, PAM, logind, sudo, CRON, fail2ban-server) in every form: journal-auth.log is rsyslog's high-precision
/// auth.log of the same entries.
/// </summary>
[SupportedOSPlatform("linux")]
public class JournalTests
{
    private static readonly JournalReaderOptions Utc = new()
    {
        Year = 2024,
        TimeZone = TimeZoneInfo.Utc,
        ReferenceTime = new DateTimeOffset(2024, 7, 4, 0, 0, 0, TimeSpan.Zero),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<AuthLogEntry>> Read(string fixture, JournalReaderOptions? options = null) =>
        Fixture.ToListAsync(JournalReader.ReadAsync(Fixture.Path(fixture), options ?? Utc, Ct));

    private static Task<List<AuthLogEntry>> ReadText(string text, JournalReaderOptions? options = null) =>
        Fixture.ToListAsync(JournalReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), options ?? Utc, Ct));

    [Fact]
    public async Task Journal_json_gives_the_same_events_as_auth_log_lines()
    {
        var auth = await Fixture.ToListAsync(AuthLogReader.ReadAsync(Fixture.Path("journal-auth.log"), Fixture.Utc(2024), Ct));
        var journal = await Read("journal.json");

        // Every auth.log line is a known form, so equal events mean the same grammar read both, not two fallbacks.
        Assert.Equal(21, auth.Count);
        Assert.DoesNotContain(auth, e => e.Event is UnrecognizedEvent or MalformedLine);
        Assert.Equal(auth.Select(e => e.Event), journal.Select(e => e.Event));
        for (var i = 0; i < auth.Count; i++)
        {
            Assert.Equal((auth[i].Timestamp, auth[i].Host, auth[i].Program, auth[i].Message),
                (journal[i].Timestamp, journal[i].Host, journal[i].Program, journal[i].Message));
            // sudo's syslog lines carry no pid; the journal knows the sender's (_PID).
            Assert.Equal(auth[i].ProcessId ?? journal[i].ProcessId, journal[i].ProcessId);
        }
        Assert.Equal(1650, journal.First(e => e.Program == "sudo").ProcessId);
    }

    [Fact]
    public async Task Journal_json_fixture_matches_the_snapshot()
    {
        Snapshot.Match(Render.Entries(await Read("journal.json")));
    }

    [Fact]
    public async Task Journal_json_entries_carry_unit_and_priority_and_no_inferred_year()
    {
        var journal = await Read("journal.json");
        Assert.Equal(("ssh.service", 6), (journal[0].Unit, journal[0].Severity));
        Assert.Equal(("session-12.scope", 5), (journal[7].Unit, journal[7].Severity));
        Assert.All(journal, e => Assert.False(e.YearWasInferred));
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), journal.Select(e => e.Position.Line));

        var auth = await Fixture.ToListAsync(AuthLogReader.ReadAsync(Fixture.Path("journal-auth.log"), Fixture.Utc(2024), Ct));
        Assert.All(auth, e => Assert.Equal((null, null), (e.Unit, e.Severity)));
    }

    [Fact]
    public async Task Json_seq_records_read_like_json_lines()
    {
        var json = await Read("journal.json");
        var seq = await Read("journal-seq.json");
        Assert.Equal(json.Select(e => e with { Position = default }), seq.Select(e => e with { Position = default }));
    }

    [Theory]
    [InlineData("journal-short.txt", "2024-07-03T14:59:17.0000000+00:00")]
    [InlineData("journal-short-iso.txt", "2024-07-03T14:59:17.0000000+00:00")]
    [InlineData("journal-short-precise.txt", "2024-07-03T14:59:17.1030940+00:00")]
    [InlineData("journal-short-iso-precise.txt", "2024-07-03T14:59:17.1030940+00:00")]
    [InlineData("journal-short-unix.txt", "2024-07-03T14:59:17.1030940+00:00")]
    public async Task Each_text_output_gives_the_same_entries_as_json(string fixture, string firstStamp)
    {
        var text = await Read(fixture);
        var json = await Read("journal.json");

        // The "-- Boot … --" marker before the last entry yields nothing.
        Assert.Equal(json.Count, text.Count);
        Assert.Equal(json.Select(e => e.Event), text.Select(e => e.Event));
        Assert.Equal(json.Select(e => (e.Host, e.Program, e.ProcessId, e.Message)), text.Select(e => (e.Host, e.Program, e.ProcessId, e.Message)));
        // Text outputs show the sender's own stamp (_SOURCE_REALTIME_TIMESTAMP), a few µs before the journal's.
        Assert.Equal(DateTimeOffset.Parse(firstStamp, CultureInfo.InvariantCulture), text[0].Timestamp);
        Assert.Equal(TimeSpan.Zero, text[0].Timestamp.Offset);
        Assert.Equal([1L, 2L], text.Take(2).Select(e => e.Position.Line));
        Assert.Equal(22L, text[^1].Position.Line);
    }

    [Fact]
    public async Task Realtime_timestamp_is_exact_to_the_microsecond()
    {
        var journal = await Read("journal.json");
        // __REALTIME_TIMESTAMP 1720018757103131
        var expected = new DateTimeOffset(2024, 7, 3, 14, 59, 17, TimeSpan.Zero).AddTicks(1_031_310);
        Assert.Equal(expected, journal[0].Timestamp);
        Assert.Equal(expected.UtcTicks, journal[0].Timestamp.UtcTicks);
        Assert.Equal(TimeSpan.Zero, journal[0].Timestamp.Offset);
    }

    [Fact]
    public async Task Realtime_timestamp_takes_the_offset_of_the_configured_zone()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");
        var line = """{"__REALTIME_TIMESTAMP":"1795763292314245","SYSLOG_IDENTIFIER":"sshd","MESSAGE":"x"}""";
        var entry = Assert.Single(await ReadText(line, Utc with { TimeZone = plusTwo }));
        Assert.Equal(TimeSpan.FromHours(2), entry.Timestamp.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795763292314).AddTicks(2450).UtcTicks, entry.Timestamp.UtcTicks);
        Assert.False(entry.YearWasInferred);
    }

    [Fact]
    public async Task Message_as_a_byte_array_decodes_with_invalid_bytes_replaced()
    {
        // What journalctl -o json printed for a MESSAGE with the bytes ff fe in it (systemd 252).
        const string line = """{"SYSLOG_PID":"77","MESSAGE":[73,110,118,97,108,105,100,32,117,115,101,114,32,255,254,97,100,109,105,110,32,102,114,111,109,32,49,57,50,46,48,46,50,46,57,32,112,111,114,116,32,52],"SYSLOG_IDENTIFIER":"sshd-session","_TRANSPORT":"journal","__REALTIME_TIMESTAMP":"1795763292314245","_PID":"19069"}""";
        var entry = Assert.Single(await ReadText(line));
        Assert.Equal("Invalid user \uFFFD\uFFFDadmin from 192.0.2.9 port 4", entry.Message);
        var invalid = Assert.IsType<SshdInvalidUser>(entry.Event);
        Assert.Equal("\uFFFD\uFFFDadmin", invalid.User);
        Assert.Equal(77, entry.ProcessId);

        // A byte array of valid UTF-8 is just the text.
        var valid = Assert.Single(await ReadText("""{"SYSLOG_IDENTIFIER":"sudo","MESSAGE":[106,111,115,195,169]}"""));
        Assert.Equal("josé", valid.Message);
    }

    [Fact]
    public async Task A_field_with_several_values_gives_its_first()
    {
        var entry = Assert.Single(await ReadText(
            """{"SYSLOG_IDENTIFIER":["sshd-session","sshd"],"_PID":["1571","1"],"MESSAGE":["Invalid user a from 192.0.2.1 port 1",[98]]}"""));
        Assert.Equal(("sshd-session", 1571), (entry.Program, entry.ProcessId));
        Assert.IsType<SshdInvalidUser>(entry.Event);
    }

    [Fact]
    public async Task Program_falls_back_to_comm_and_pid_to_the_sender_pid()
    {
        var entry = Assert.Single(await ReadText(
            """{"_COMM":"sshd","_PID":"612","_HOSTNAME":"web01","MESSAGE":"Invalid user a from 192.0.2.1 port 1","\u0050RIORITY":"6"}"""));
        Assert.Equal(("sshd", 612, "web01", (int?)6), (entry.Program, entry.ProcessId, entry.Host, entry.Severity));
        Assert.IsType<SshdInvalidUser>(entry.Event);
    }

    [Fact]
    public async Task Malformed_json_lines_are_kept_as_malformed_entries_and_reading_goes_on()
    {
        string[] bad =
        [
            """{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Invalid user a from 192.0.2.1 por""",
            """{"SYSLOG_IDENTIFIER":"sshd","_PID":"1"}""",
            """{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":null}""",
            """{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":"x"} {"MESSAGE":"y"}""",
            """{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":[1,2,300]}""",
            "{not json at all",
        ];
        const string good = """{"SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Invalid user a from 192.0.2.1 port 1"}""";
        var entries = await ReadText(string.Join("\n", bad) + "\n" + good + "\n");

        Assert.Equal(bad.Length + 1, entries.Count);
        for (var i = 0; i < bad.Length; i++)
        {
            Assert.IsType<MalformedLine>(entries[i].Event);
            Assert.Equal((bad[i], "", (long)i + 1), (entries[i].Message, entries[i].Program, entries[i].Position.Line));
        }
        Assert.IsType<SshdInvalidUser>(entries[^1].Event);
    }

    [Fact]
    public async Task Markers_yield_nothing()
    {
        Assert.Empty(await ReadText("-- No entries --\n"));
        var entries = await ReadText(
            "-- Logs begin at Mon 2024-07-01 00:00:01 UTC, end at Wed 2024-07-03 15:13:48 UTC. --\n" +
            "Jul 03 14:59:17 web01 sshd-session[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2\n" +
            "-- Boot b5d0e5c2a1f84a21a3b9d1c6f0e7a812 --\n");
        var entry = Assert.Single(entries);
        Assert.Equal(2L, entry.Position.Line);
    }

    [Fact]
    public async Task Continuation_lines_fold_into_the_message_as_json_has_it()
    {
        // journalctl -o short (systemd 252) for MESSAGE "first line\nsecond line\n  indented third": continuation lines are
        // indented by the header's width, the message's own leading spaces kept beyond it.
        var text = await ReadText(
            "Nov 27 07:08:12 vm multi[19069]: first line\n" +
            Indent(33) + "second line\n" +
            Indent(33) + "  indented third\n" +
            "Nov 27 07:08:12 vm sshd-session[19066]: Failed password for root from 192.0.2.1 port 56502 ssh2\n");
        var json = await ReadText(
            """{"SYSLOG_IDENTIFIER":"multi","_PID":"19069","_HOSTNAME":"vm","MESSAGE":"first line\nsecond line\n  indented third"}""" + "\n");

        Assert.Equal(2, text.Count);
        Assert.Equal("first line\nsecond line\n  indented third", text[0].Message);
        Assert.Equal((json[0].Program, json[0].Message, json[0].Event), (text[0].Program, text[0].Message, text[0].Event));
        Assert.Equal(4L, text[1].Position.Line);
        Assert.IsType<SshdFailedAuthentication>(text[1].Event);
    }

    private static string Indent(int width) => new(' ', width);

    [Fact]
    public async Task A_folded_message_is_read_again_whole()
    {
        // The first line alone is a known sshd form; with its continuation it is a different message.
        var entry = Assert.Single(await ReadText(
            "Jul 03 14:59:17 web01 sshd[1]: Invalid user a from 192.0.2.1 port 1\n" +
            Indent(31) + "and more\n"));
        Assert.Equal("Invalid user a from 192.0.2.1 port 1\nand more", entry.Message);
        Assert.IsType<UnrecognizedEvent>(entry.Event);
    }

    [Fact]
    public async Task An_indented_line_with_nothing_before_it_is_kept_as_malformed()
    {
        var entry = Assert.Single(await ReadText("   orphan continuation\n"));
        Assert.IsType<MalformedLine>(entry.Event);
        Assert.Equal("   orphan continuation", entry.Message);
    }

    // ---- the journalctl child process ----

    private static string FakeJournalctl(TempDir dir, string body)
    {
        var path = Path.Combine(dir.Path, "journalctl");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [Fact]
    public async Task Journalctl_output_is_read_until_it_exits_with_since_and_matches_passed()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var journalctl = FakeJournalctl(dir, $"printf '%s\\n' \"$@\" > {Quote(args)}\ncat {Quote(Fixture.Path("journal.json"))}\n");
        var options = Utc with
        {
            JournalctlPath = journalctl,
            Since = new DateTimeOffset(2024, 7, 3, 14, 59, 17, 500, TimeSpan.Zero),
            Matches = ["_SYSTEMD_UNIT=ssh.service", "+", "SYSLOG_IDENTIFIER=sudo"],
        };

        var entries = await Fixture.ToListAsync(JournalReader.ReadAsync(options, Ct));

        Assert.Equal((await Read("journal.json")).Select(e => e.Event), entries.Select(e => e.Event));
        Assert.All(entries, e => Assert.Null(e.Position.Source));
        Assert.Equal(
            ["-o", "json", "--no-pager", "--all", "--since=@1720018757", "_SYSTEMD_UNIT=ssh.service", "+", "SYSLOG_IDENTIFIER=sudo"],
            File.ReadAllLines(args));
    }

    [Fact]
    public async Task Following_asks_journalctl_for_new_entries_only_and_ends_when_it_exits()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var journalctl = FakeJournalctl(dir, $"printf '%s\\n' \"$@\" > {Quote(args)}\nhead -n 3 {Quote(Fixture.Path("journal.json"))}\n");

        var entries = await Fixture.ToListAsync(JournalReader.FollowAsync(Utc with { JournalctlPath = journalctl }, Ct));

        Assert.Equal(3, entries.Count);
        Assert.Equal(["-o", "json", "--no-pager", "--all", "--follow", "--lines=0"], File.ReadAllLines(args));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stopping_a_follow_kills_the_journalctl_process_tree(bool byCancellation)
    {
        using var dir = new TempDir();
        var shellPid = Path.Combine(dir.Path, "shell.pid");
        var sleepPid = Path.Combine(dir.Path, "sleep.pid");
        // The pids are written before any output, so they exist once an entry has arrived.
        var journalctl = FakeJournalctl(dir,
            $"sleep 600 &\necho $! > {Quote(sleepPid)}\necho $$ > {Quote(shellPid)}\nhead -n 2 {Quote(Fixture.Path("journal.json"))}\nwait\n");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var seen = 0;
        async Task Follow()
        {
            await foreach (var entry in JournalReader.FollowAsync(Utc with { JournalctlPath = journalctl }, cts.Token))
            {
                seen++;
                if (seen < 2) continue;
                if (!byCancellation) break;
                await cts.CancelAsync();
            }
        }
        if (byCancellation)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(Follow);
        else
            await Follow();

        Assert.Equal(2, seen);
        await AssertGone(int.Parse(File.ReadAllText(shellPid), CultureInfo.InvariantCulture));
        await AssertGone(int.Parse(File.ReadAllText(sleepPid), CultureInfo.InvariantCulture));
    }

    private static async Task AssertGone(int pid)
    {
        // SIGKILL is delivered at once but reaped a moment later; poll, do not time.
        for (var i = 0; i < 100 && IsRunning(pid); i++)
            await Task.Delay(50, Ct);
        Assert.False(IsRunning(pid), $"process {pid} is still running");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // A zombie (Z) is dead, only not yet reaped by its new parent (in a container, often nobody).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_missing_journalctl_is_a_clear_error_naming_the_path()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "bin", "journalctl");
        var options = Utc with { JournalctlPath = missing };

        var follow = await Assert.ThrowsAsync<FileNotFoundException>(() => Fixture.ToListAsync(JournalReader.FollowAsync(options, Ct)));
        Assert.Equal(missing, follow.FileName);
        Assert.Equal(
            $"journalctl was not found: '{missing}' does not exist. Install systemd's journalctl, or set JournalReaderOptions.JournalctlPath.",
            follow.Message);

        var once = await Assert.ThrowsAsync<FileNotFoundException>(
            () => Fixture.ToListAsync(JournalReader.ReadAsync(Utc with { JournalctlPath = "journalctl-not-installed-here" }, Ct)));
        Assert.Contains("'journalctl-not-installed-here' is not on PATH", once.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_outside_the_journal_groups_gets_a_clear_error_with_journalctls_words()
    {
        using var dir = new TempDir();
        // journalctl 252's words for a user in neither group (journalctl.c access_check), on stderr, exit 1.
        var journalctl = FakeJournalctl(dir,
            "echo 'Hint: You are currently not seeing messages from other users and the system.' >&2\n" +
            "echo \"      Users in groups 'adm', 'systemd-journal' can see all messages.\" >&2\n" +
            "echo '      Pass -q to turn off this notice.' >&2\n" +
            "echo 'No journal files were opened due to insufficient permissions.' >&2\n" +
            "exit 1\n");

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Fixture.ToListAsync(JournalReader.FollowAsync(Utc with { JournalctlPath = journalctl }, Ct)));

        Assert.StartsWith(
            "journalctl may not read the journal: the user must be in the 'systemd-journal' or 'adm' group (or be root)",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("No journal files were opened due to insufficient permissions.", error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<JournalctlException>(error.InnerException);
        Assert.Equal(1, inner.ExitCode);
        Assert.StartsWith("Hint: You are currently not seeing messages", inner.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_before_a_journalctl_failure_are_yielded_then_it_throws()
    {
        using var dir = new TempDir();
        var journalctl = FakeJournalctl(dir,
            $"head -n 2 {Quote(Fixture.Path("journal.json"))}\necho \"Failed to add match 'bogus': Invalid argument\" >&2\nexit 1\n");

        var entries = new List<AuthLogEntry>();
        var error = await Assert.ThrowsAsync<JournalctlException>(async () =>
        {
            await foreach (var e in JournalReader.ReadAsync(Utc with { JournalctlPath = journalctl }, Ct))
                entries.Add(e);
        });

        Assert.Equal(2, entries.Count);
        Assert.Equal(1, error.ExitCode);
        Assert.Equal($"journalctl ('{journalctl}') exited with code 1: Failed to add match 'bogus': Invalid argument", error.Message);
    }

    [Fact]
    public void Arguments_are_checked_before_anything_runs()
    {
        Assert.Throws<ArgumentException>(() => JournalReader.FollowAsync(new JournalReaderOptions { Matches = ["--output=cat"] }, Ct));
        Assert.Throws<ArgumentException>(() => JournalReader.ReadAsync(new JournalReaderOptions { Matches = [""] }, Ct));
        Assert.Throws<ArgumentException>(() => JournalReader.FollowAsync(new JournalReaderOptions { JournalctlPath = "" }, Ct));
        Assert.Throws<ArgumentException>(() => JournalReader.ReadAsync("", null, Ct));
        Assert.Throws<ArgumentNullException>(() => JournalReader.ReadAsync((Stream)null!, null, Ct));
    }
}
