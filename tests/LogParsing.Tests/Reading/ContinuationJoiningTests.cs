using LogParsing.Auth.Sshd;
using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>
/// <see cref="AuthLogReaderOptions.JoinContinuationLines"/>: the continuation lines of a multi-line message join the
/// entry before them, as Elastic's system.auth input does (its multiline pattern <c>^\s</c>, match after), on the shared
/// continuation folding; by default every non-empty line stays one entry (issue 17).
/// </summary>
public class ContinuationJoiningTests
{
    // elastic/integrations packages/system/data_stream/auth/_dev/test/pipeline/test-multiline.log (bd879f20): a program
    // that wrote a message with a newline in it straight to the file, and Elastic's expected message for it.
    private const string Multiline = "May 21 21:54:44 localhost foo[1234]: This message\n spans multiple lines.\n";

    // A sshd line of auth.c's form ("Failed %s for %s from %s port %d ssh2") after it: it starts an entry of its own.
    private const string Next = "May 21 21:54:45 localhost sshd[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2\n";

    private static Task<List<AuthLogEntry>> Read(string text, AuthLogReaderOptions options) =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), options, TestContext.Current.CancellationToken));

    [Fact]
    public async Task By_default_every_non_empty_line_is_one_entry()
    {
        var entries = await Read(Multiline + Next, Fixture.Utc(2024));

        Assert.Equal(3, entries.Count);
        Assert.Equal("This message", entries[0].Message);
        Assert.IsType<MalformedLine>(entries[1].Event);
        Assert.Equal(" spans multiple lines.", entries[1].Message);
        Assert.All(entries, e => Assert.Equal(0, e.ContinuationLines));
    }

    [Fact]
    public async Task Joined_an_indented_line_without_a_header_is_the_rest_of_the_message_as_elastic_has_it()
    {
        var entries = await Read(Multiline + Next, Fixture.Utc(2024) with { JoinContinuationLines = true, KeepOriginal = true });

        Assert.Equal(2, entries.Count);
        Assert.Equal("This message\n spans multiple lines.", entries[0].Message);
        Assert.Equal(1, entries[0].ContinuationLines);
        Assert.Equal(Multiline.TrimEnd('\n'), entries[0].Original);
        Assert.Equal((1L, "foo", 1234), (entries[0].Position.Line, entries[0].Program, entries[0].ProcessId!.Value));
        Assert.IsType<SshdFailedAuthentication>(entries[1].Event);
        Assert.Equal(0, entries[1].ContinuationLines);
    }

    [Fact]
    public async Task Joined_lines_that_are_not_indented_or_have_nothing_before_them_stay_entries_of_their_own()
    {
        // A headerless line that is not indented is damage, not a continuation: Elastic's ^\s does not take it either.
        var entries = await Read(" an indented first line\n" + Next + "garbage without a header\n", Fixture.Utc(2024) with { JoinContinuationLines = true });

        Assert.Equal(3, entries.Count);
        Assert.IsType<MalformedLine>(entries[0].Event);
        Assert.IsType<SshdFailedAuthentication>(entries[1].Event);
        Assert.IsType<MalformedLine>(entries[2].Event);
    }

    [Fact]
    public async Task Joined_the_message_is_read_again_whole()
    {
        // The event is that of the whole message, as the journal's JSON of the same entry would give: here no sshd form.
        var entries = await Read(Next + "    and a second line\n", Fixture.Utc(2024) with { JoinContinuationLines = true });

        var entry = Assert.Single(entries);
        Assert.IsType<UnrecognizedEvent>(entry.Event);
        Assert.EndsWith("ssh2\n    and a second line", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joined_continuation_lines_are_bounded_by_the_line_length_limit()
    {
        var text = new StringBuilder(Multiline);
        for (var i = 0; i < 1000; i++) text.Append("  continued line ").Append(i).Append('\n');
        text.Append(Next);

        var entries = await Read(text.ToString(), Fixture.Utc(2024) with { JoinContinuationLines = true, MaxLineLength = 200 });

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Message.Length <= 200);
        Assert.True(entries[0].Truncated);
        Assert.Equal(1001, entries[0].ContinuationLines);
        Assert.True(entries[0].CutContinuationLines > 900);
        Assert.IsType<SshdFailedAuthentication>(entries[1].Event);
    }

    [Fact]
    public async Task A_checkpoint_after_a_folded_entry_resumes_after_its_last_line()
    {
        using var dir = new TempDir();
        var ct = TestContext.Current.CancellationToken;
        var path = dir.File("auth.log", Multiline + Next);
        var options = Fixture.Utc(2024) with { JoinContinuationLines = true };
        var first = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, options, ct));

        // Stopped after the joined entry: the resumed read starts at sshd's line, not at " spans multiple lines.".
        var rest = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, options with { ResumeFrom = LogCheckpoint.After(first[0]) }, ct));

        Assert.Equal((1L, 2L), (first[0].Position.Line, LogCheckpoint.After(first[0])!.Line));
        Assert.IsType<SshdFailedAuthentication>(Assert.Single(rest).Event);

        // The same for fail2ban's tracebacks (fail2ban-mixed.log: an ERROR record and the traceback after it).
        var fail2ban = Fixture.Path("fail2ban-mixed.log");
        var records = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(fail2ban, new LogReaderOptions { Year = 2017 }, ct));
        var folded = records.FindIndex(r => r.ContinuationLines > 0);
        var after = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(fail2ban, new LogReaderOptions { Year = 2017, ResumeFrom = LogCheckpoint.After(records[folded]) }, ct));
        Assert.Equal(records.Skip(folded + 1).Select(r => r.Message), after.Select(r => r.Message));
    }

    [Fact]
    public async Task Folded_entries_of_two_reads_of_one_file_are_equal_and_differ_by_their_last_line()
    {
        // The last folded line is kept apart from the entry's fields; records still compare it by value.
        using var dir = new TempDir();
        var ct = TestContext.Current.CancellationToken;
        var options = Fixture.Utc(2024) with { JoinContinuationLines = true };
        var path = dir.File("auth.log", Multiline + Next);
        var longer = dir.File("longer.log", Multiline.TrimEnd('\n') + "\n and one more.\n" + Next);

        var first = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, options, ct));
        var second = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, options, ct));
        var other = await Fixture.ToListAsync(AuthLogReader.ReadAsync(longer, options, ct));

        Assert.Equal(first, second);
        Assert.Equal(first[0].GetHashCode(), second[0].GetHashCode());
        // Equal in every public field once the message and counts agree; only the last line's position tells them apart.
        var alike = other[0] with { Message = first[0].Message, Event = first[0].Event, ContinuationLines = first[0].ContinuationLines, Position = first[0].Position };
        Assert.NotEqual(first[0], alike);
        Assert.Equal((2L, 3L), (LogCheckpoint.After(first[0])!.Line, LogCheckpoint.After(alike)!.Line));
    }
}
