using System.Net;
using System.Text;
using LogParsing.Testing;
using Snapshooter.Xunit3;
using Tutorial;

namespace LogParsing.PublicApi.Tests;

/// <summary>An application's own log format through LogReader: rotation and gzip, errors, streams, follow.</summary>
public class AppLogTests
{
    /// <summary>app.log.2.gz (compressed here, as logrotate would), app.log.1 and app.log in a fresh directory.</summary>
    private static Files RotationSet(out string newest)
    {
        var files = new Files();
        files.Gzip("app.log.2", "app.log.2.gz");
        files.Copy("app.log.1");
        newest = files.Copy("app.log");
        return files;
    }

    [Fact]
    public async Task App_log_rotation_set_parses_to_the_snapshot()
    {
        using var files = RotationSet(out var newest);
        var records = LogReader.ReadAsync(newest, AppLogGrammar.Line, new LogReaderOptions { IncludeRotated = true }, TestContext.Current.CancellationToken);
        Snapshot.Match(await LogSnapshot.RenderAsync(records, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rotation_set_is_read_oldest_first_with_one_record_per_non_empty_line()
    {
        using var files = RotationSet(out var newest);
        var records = await Files.ToListAsync(LogReader.ReadAsync(newest, AppLogGrammar.Line, new LogReaderOptions { IncludeRotated = true }, TestContext.Current.CancellationToken));
        Assert.Equal(
            ["app.log.2.gz:1", "app.log.2.gz:2", "app.log.2.gz:3", "app.log.1:1", "app.log.1:2", "app.log.1:3", "app.log.1:5", "app.log.1:6",
             "app.log:1", "app.log:2", "app.log:3", "app.log:4"],
            records.Select(r => $"{Path.GetFileName(r.Position.Source)}:{r.Position.Line}"));
        var first = records[0].Value!;
        Assert.Equal(new DateTimeOffset(2024, 5, 29, 23, 58, 1, 4, TimeSpan.Zero), first.Timestamp);
        Assert.Equal((AppLevel.Info, "service started"), (first.Level, first.Message));
        Assert.Equal([new("version", "1.4.2"), new("port", "8443")], first.Fields);
    }

    [Fact]
    public async Task A_line_that_does_not_parse_reports_its_line_number_and_what_was_expected()
    {
        using var files = RotationSet(out var newest);
        var records = await Files.ToListAsync(LogReader.ReadAsync(newest, AppLogGrammar.Line, cancellationToken: TestContext.Current.CancellationToken));
        var notice = records[2];
        Assert.False(notice.Success);
        Assert.Null(notice.Value);
        Assert.Equal("2024-05-31 07:08:40.500 [NOTICE] disk almost full path=/var free=2%", notice.Text);
        Assert.Equal(3, notice.Position.Line);
        Assert.Equal(3, notice.Error.Line);
        Assert.Equal(25, notice.Error.Column);
        Assert.Equal(["level"], notice.Error.Expected);
        Assert.Equal("[", notice.Error.Unexpected);
        Assert.Equal("line 3, column 25: expected level, found \"[\"", notice.Error.Message);
    }

    [Fact]
    public async Task The_tutorial_counts_failed_logins_and_lists_the_lines_it_could_not_read()
    {
        using var files = RotationSet(out var newest);
        var (failed, errors) = await AppLogs.FailedLoginsAsync(newest, TestContext.Current.CancellationToken);
        Assert.Equal(new Dictionary<string, int> { ["bob"] = 3, ["root"] = 1 }, failed);
        Assert.Equal(
            ["app.log.1: line 6, column 1: expected date and time, found \" \"",
             "app.log: line 3, column 25: expected level, found \"[\""],
            errors);
    }

    [Fact]
    public void A_grammar_that_stops_early_fails_with_expected_end_of_input()
    {
        // The stamp alone reads the start of every line: the end-of-input check the reader adds is what rejects the rest.
        var stampOnly = AppLogGrammar.Timestamp;
        var record = new LogParser<DateTimeOffset>(stampOnly).Parse("2024-05-31 07:07:22.123 [WARN] login failed");
        Assert.False(record.Success);
        Assert.Equal(24, record.Error.Column);
        Assert.Equal(["end of input"], record.Error.Expected);
        Assert.Equal("column 24: expected end of input, found \" \"", record.Error.Message);
    }

    [Fact]
    public async Task A_stream_reads_the_same_records_as_the_file()
    {
        var path = Files.Fixture("app.log");
        await using var stream = File.OpenRead(path);
        var fromStream = await Files.ToListAsync(LogReader.ReadAsync(stream, AppLogGrammar.Line, cancellationToken: TestContext.Current.CancellationToken));
        var fromFile = await Files.ToListAsync(LogReader.ReadAsync(path, AppLogGrammar.Line, cancellationToken: TestContext.Current.CancellationToken));
        Assert.All(fromStream, r => Assert.Null(r.Position.Source));
        // Records hold ImmutableArrays, which compare by reference: compare what they render to.
        Assert.Equal(
            LogSnapshot.Render(fromFile.Select(r => r with { Position = new LogPosition(null, r.Position.Line) })),
            LogSnapshot.Render(fromStream));
    }

    [Fact]
    public async Task Binary_garbage_and_over_long_lines_are_failed_records_not_exceptions()
    {
        var bytes = new List<byte>();
        bytes.AddRange([0x00, 0xff, 0xfe, (byte)'\r', (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes("2024-05-31 07:07:22.123 [INFO] " + new string('x', 300) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("2024-05-31 07:07:22.123 [INFO] ok"));
        using var stream = new MemoryStream(bytes.ToArray());
        var records = await Files.ToListAsync(LogReader.ReadAsync(stream, AppLogGrammar.Line, new LogReaderOptions { MaxLineLength = 100 }, TestContext.Current.CancellationToken));

        Assert.Equal(3, records.Count);
        Assert.Equal("line 1, column 1: expected date and time, found \"\0\"", records[0].Error!.Message);
        Assert.True(records[1].Truncated);
        Assert.Equal(100, records[1].Text.Length);
        Assert.Equal("line 2, column 101: longer than MaxLineLength (100 bytes), cut here and not parsed", records[1].Error!.Message);
        Assert.Equal("ok", records[2].Value!.Message);
    }

    [Fact]
    public async Task Follow_yields_lines_appended_to_a_live_file()
    {
        using var files = new Files();
        var path = files.Write("app.log", "2024-05-31 07:00:00.000 [INFO] old line\n");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(20));
        var options = new LogReaderOptions { PollInterval = TimeSpan.FromMilliseconds(20) };
        await using var follow = LogReader.FollowAsync(path, AppLogGrammar.Line, options, cts.Token).GetAsyncEnumerator(cts.Token);

        var next = follow.MoveNextAsync();
        await Task.Delay(100, cts.Token);
        await File.AppendAllTextAsync(path, "2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4\n", cts.Token);
        Assert.True(await next);
        Assert.Equal(("bob", IPAddress.Parse("1.2.3.4")), (follow.Current.Value!.User, follow.Current.Value.Address));
    }

    [Fact]
    public void Arguments_are_checked_when_the_read_is_created_not_when_it_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Throws<ArgumentException>(() => LogReader.ReadAsync("", AppLogGrammar.Line, cancellationToken: ct));
        Assert.Throws<ArgumentNullException>(() => LogReader.ReadAsync("app.log", (Pidgin.Parser<char, AppLogEvent>)null!, cancellationToken: ct));
        Assert.Throws<ArgumentNullException>(() => LogReader.ReadAsync((Stream)null!, AppLogGrammar.Line, cancellationToken: ct));
        Assert.Throws<ArgumentException>(() => LogReader.FollowAsync("", AppLogGrammar.Line, cancellationToken: ct));
    }

    [Fact]
    public async Task A_missing_file_throws_naming_it_on_the_first_move()
    {
        using var files = new Files();
        var missing = Path.Combine(files.Dir, "app.log");
        var records = LogReader.ReadAsync(missing, AppLogGrammar.Line, cancellationToken: TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(async () => await records.GetAsyncEnumerator(TestContext.Current.CancellationToken).MoveNextAsync());
        Assert.Equal(missing, ex.FileName);
    }
}
