using System.Runtime.Versioning;

namespace LogParsing.Tests.Journal;

/// <summary>
/// Resuming the live journal from a saved cursor (issue 17, "the journal's cursor for journal reads"): the entries carry
/// journalctl's <c>__CURSOR</c>, <see cref="LogCheckpoint.After(LogEntry)"/> keeps it, and <c>ResumeFrom</c> passes it
/// back as <c>--after-cursor</c>. The fake journalctl below honours that option as journalctl(1) documents it ("start
/// showing entries from the location in the journal after the location specified by the passed cursor") over
/// journal.json, a real <c>journalctl -o json</c> capture of a Debian 13 host.
/// </summary>
[SupportedOSPlatform("linux")]
public class JournalResumeTests
{
    private static readonly JournalReaderOptions Utc = new() { TimeZone = TimeZoneInfo.Utc };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A journalctl that records its arguments and prints journal.json, or the part after --after-cursor's entry.</summary>
    private static string FakeJournalctl(TempDir dir, string args) => Journal.FakeJournalctl.Resuming(dir, Fixture.Path("journal.json"), args);

    private static string CursorOf(int line) =>
        File.ReadAllLines(Fixture.Path("journal.json"))[line - 1].Split("\"__CURSOR\":\"")[1].Split('"')[0];

    [Fact]
    public async Task Journal_json_entries_carry_their_cursor_and_the_checkpoint_keeps_it()
    {
        using var dir = new TempDir();
        var entries = await Fixture.ToListAsync(JournalReader.ReadAsync(Utc with { JournalctlPath = FakeJournalctl(dir, Path.Combine(dir.Path, "args")) }, Ct));

        Assert.Equal(21, entries.Count);
        Assert.Equal(CursorOf(1), entries[0].Position.Cursor);
        Assert.Equal(21, entries.Select(e => e.Position.Cursor).Distinct().Count());
        var checkpoint = LogCheckpoint.After(entries[4]);
        Assert.NotNull(checkpoint);
        Assert.True(checkpoint.IsJournal);
        Assert.Equal(CursorOf(5), checkpoint.Cursor);
        Assert.Null(checkpoint.Source);
        Assert.Null(checkpoint.Fingerprint);
    }

    [Fact]
    public async Task A_read_resumed_from_a_cursor_neither_loses_nor_repeats_an_entry()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var options = Utc with { JournalctlPath = FakeJournalctl(dir, args) };
        var all = await Fixture.ToListAsync(JournalReader.ReadAsync(options, Ct));

        // The first run handles seven entries and stops (a crash, Ctrl-C); the second resumes after the seventh.
        var first = new List<AuthLogEntry>();
        await foreach (var e in JournalReader.ReadAsync(options, Ct))
        {
            first.Add(e);
            if (first.Count == 7) break;
        }
        var second = await Fixture.ToListAsync(JournalReader.ReadAsync(options with { ResumeFrom = LogCheckpoint.After(first[^1]) }, Ct));

        Assert.Equal(["-o", "json", "--no-pager", "--all", "--after-cursor=" + CursorOf(7)], File.ReadAllLines(args));
        Assert.Equal(all.Select(e => e.Position.Cursor), first.Concat(second).Select(e => e.Position.Cursor));
        Assert.Equal(all.Select(e => e.Event), first.Concat(second).Select(e => e.Event));
    }

    [Fact]
    public async Task A_resumed_read_with_a_start_time_gives_journalctl_the_cursor_alone_and_drops_what_is_earlier()
    {
        // journalctl exits 1 on --since with --after-cursor ("Please specify only one of --since=, --cursor=,
        // --cursor-file=, and --after-cursor=", systemd's journalctl.c): the reader must not pass both.
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var options = Utc with { JournalctlPath = FakeJournalctl(dir, args) };
        var all = await Fixture.ToListAsync(JournalReader.ReadAsync(options, Ct));
        var since = all[11].Timestamp;

        var resumed = await Fixture.ToListAsync(JournalReader.ReadAsync(options with { ResumeFrom = LogCheckpoint.After(all[4]), Since = since }, Ct));

        Assert.Equal(["-o", "json", "--no-pager", "--all", "--after-cursor=" + CursorOf(5)], File.ReadAllLines(args));
        var floor = DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds());
        Assert.Equal(all.Skip(5).Where(e => e.Timestamp >= floor).Select(e => e.Position.Cursor), resumed.Select(e => e.Position.Cursor));
        Assert.True(resumed.Count < all.Count - 5, "the start time drops entries after the cursor");
    }

    [Fact]
    public async Task A_read_with_a_start_time_passes_it_to_journalctl()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var since = new DateTimeOffset(2025, 6, 1, 12, 30, 45, 500, TimeSpan.Zero);

        await Fixture.ToListAsync(JournalReader.ReadAsync(Utc with { JournalctlPath = FakeJournalctl(dir, args), Since = since }, Ct));

        Assert.Equal(["-o", "json", "--no-pager", "--all", "--since=@" + since.ToUnixTimeSeconds()], File.ReadAllLines(args));
    }

    [Fact]
    public async Task A_follow_resumed_from_a_cursor_asks_for_every_entry_after_it()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var checkpoint = LogCheckpoint.InJournal(CursorOf(20));

        var entries = await Fixture.ToListAsync(JournalReader.FollowAsync(Utc with { JournalctlPath = FakeJournalctl(dir, args), ResumeFrom = checkpoint }, Ct));

        // --no-tail, not --lines=0: the entries after the cursor are old ones, and wanted.
        Assert.Equal(["-o", "json", "--no-pager", "--all", "--follow", "--no-tail", "--after-cursor=" + CursorOf(20)], File.ReadAllLines(args));
        Assert.Equal([CursorOf(21)], entries.Select(e => e.Position.Cursor));
    }

    [Fact]
    public async Task A_file_checkpoint_given_to_the_journal_is_refused_before_journalctl_runs()
    {
        using var dir = new TempDir();
        var args = Path.Combine(dir.Path, "args");
        var checkpoint = LogCheckpoint.InFile("/var/log/auth.log", "256:9f86d081884c7d65", 1024, 10);

        var read = await Assert.ThrowsAsync<LogCheckpointException>(
            () => Fixture.ToListAsync(JournalReader.ReadAsync(Utc with { JournalctlPath = FakeJournalctl(dir, args), ResumeFrom = checkpoint }, Ct)));
        var follow = await Assert.ThrowsAsync<LogCheckpointException>(
            () => Fixture.ToListAsync(JournalReader.FollowAsync(Utc with { JournalctlPath = FakeJournalctl(dir, args), ResumeFrom = checkpoint }, Ct)));

        Assert.Contains("not a journal cursor", read.Message, StringComparison.Ordinal);
        Assert.Same(checkpoint, follow.Checkpoint);
        Assert.False(File.Exists(args));
    }

    [Fact]
    public async Task A_journal_checkpoint_given_to_a_file_read_is_refused()
    {
        var checkpoint = LogCheckpoint.InJournal(CursorOf(3));

        var ex = await Assert.ThrowsAsync<LogCheckpointException>(
            () => Fixture.ToListAsync(AuthLogReader.ReadAsync(Fixture.Path("journal-auth.log"), new AuthLogReaderOptions { ResumeFrom = checkpoint }, Ct)));
        await Assert.ThrowsAsync<LogCheckpointException>(
            () => Fixture.ToListAsync(AuthLogReader.FollowAsync(Fixture.Path("journal-auth.log"), new AuthLogReaderOptions { ResumeFrom = checkpoint }, Ct)));

        Assert.Contains("is a journal cursor, not a place in a file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_has_no_cursor_so_a_saved_file_resumes_by_its_place_and_a_pipe_not_at_all()
    {
        // journalctl -o short prints no cursor (journalctl(1): only --show-cursor adds one, after the last entry).
        var file = await Fixture.ToListAsync(JournalReader.ReadAsync(Fixture.Path("journal-short.txt"), Utc with { Year = 2024 }, Ct));
        var piped = await Fixture.ToListAsync(JournalReader.ReadAsync(new MemoryStream(File.ReadAllBytes(Fixture.Path("journal-short.txt"))), Utc with { Year = 2024 }, Ct));

        Assert.All(file, e => Assert.Null(e.Position.Cursor));
        Assert.False(LogCheckpoint.After(file[^1])!.IsJournal);
        Assert.All(piped, e => Assert.Null(LogCheckpoint.After(e)));
    }

    [Fact]
    public async Task A_saved_json_file_resumes_by_its_place_in_the_file()
    {
        // The file is what the next read is given, so its place, not the cursor, is the checkpoint.
        var entries = await Fixture.ToListAsync(JournalReader.ReadAsync(Fixture.Path("journal.json"), Utc, Ct));
        var checkpoint = LogCheckpoint.After(entries[9])!;

        var rest = await Fixture.ToListAsync(JournalReader.ReadAsync(Fixture.Path("journal.json"), Utc with { ResumeFrom = checkpoint }, Ct));

        Assert.False(checkpoint.IsJournal);
        Assert.Equal(entries.Skip(10).Select(e => e.Position.Cursor), rest.Select(e => e.Position.Cursor));
    }
}
