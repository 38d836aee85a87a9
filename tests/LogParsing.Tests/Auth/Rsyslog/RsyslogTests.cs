using LogParsing.Auth.Rsyslog;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Rsyslog;

public class RsyslogTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void Repeated_message_is_the_inner_event_counted_n_times()
    {
        // rsyslog action.c: "message repeated %d times: [%.800s]", the inner message after a space.
        var entry = Entry("May 31 07:07:30 nimbus sshd[52961]: message repeated 2 times: [ Failed password for root from 185.18.126.114 port 33872 ssh2]");
        Assert.Equal("sshd", entry.Program);
        var e = Assert.IsType<SshdFailedAuthentication>(entry.Event);
        Assert.Equal("root", e.User);
        Assert.Equal("185.18.126.114", e.Remote?.Host);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        Assert.Equal(2, entry.RepeatCount);
        Assert.StartsWith("message repeated 2 times: [", entry.Message);
    }

    [Fact]
    public void Repeated_message_keeps_brackets_inside_the_text()
    {
        var entry = Entry("May 31 07:07:30 nimbus sshd[1]: message repeated 5 times: [ Connection closed by 1.2.3.4 port 22 [preauth]]");
        var e = Assert.IsType<SshdConnectionClosed>(entry.Event);
        Assert.Equal(SshdPhase.Preauth, e.Phase);
        Assert.Equal(5, entry.RepeatCount);
    }

    [Fact]
    public void A_line_that_is_not_a_repeat_counts_once()
    {
        Assert.Equal(1, Entry("May 31 07:07:22 nimbus sshd[52959]: Invalid user admin from 104.248.172.241 port 60580").RepeatCount);
    }

    [Fact]
    public void Legacy_last_message_repeated_parsed_alone_is_a_repeat_summary()
    {
        // A single line has no previous entry to repeat: Parse says so with the summary event.
        var e = Assert.IsType<RepeatedMessage>(Entry("May 31 07:07:30 nimbus su: last message repeated 3 times").Event);
        Assert.Equal(3, e.Count);
    }

    [Fact]
    public void Mac_dashed_repeat_without_a_tag_is_a_repeat_summary()
    {
        // macOS/BSD syslogd: "--- last message repeated %d time%s ---" with no tag after the host.
        var entry = Entry("Oct 24 10:26:29 macbook --- last message repeated 1 time ---");
        Assert.Equal(string.Empty, entry.Program);
        Assert.Equal(1, Assert.IsType<RepeatedMessage>(entry.Event).Count);
    }

    [Fact]
    public async Task A_reader_yields_a_repeat_summary_as_the_previous_event_with_its_count()
    {
        var text = "May 31 07:07:29 nimbus sshd[52961]: Failed password for root from 185.18.126.114 port 33872 ssh2\n"
                 + "May 31 07:07:30 nimbus sshd[52961]: last message repeated 3 times\n"
                 + "Oct 24 10:26:29 nimbus --- last message repeated 2 times ---\n";
        var entries = new List<AuthLogEntry>();
        await foreach (var e in AuthLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new AuthLogReaderOptions { Year = 2021 }, TestContext.Current.CancellationToken))
            entries.Add(e);
        Assert.Equal([1, 3, 2], entries.Select(e => e.RepeatCount));
        Assert.All(entries, e => Assert.IsType<SshdFailedAuthentication>(e.Event));
        Assert.Equal(2, entries[1].Position.Line);
    }

    [Fact]
    public void Repeated_message_is_read_under_programs_without_a_grammar()
    {
        var entry = Entry("May 31 07:07:30 nimbus kernel: message repeated 4 times: [ usb 1-1: reset]");
        Assert.IsType<UnrecognizedEvent>(entry.Event);
        Assert.Equal(4, entry.RepeatCount);
    }

    [Fact]
    public void A_cut_summary_is_unrecognized()
    {
        Assert.IsType<UnrecognizedEvent>(Entry("May 31 07:07:30 nimbus sshd[1]: message repeated 2 times: [ Failed password for root").Event);
    }

    [Fact]
    public void Other_messages_still_go_to_their_program()
    {
        Assert.IsType<SshdInvalidUser>(Entry("May 31 07:07:22 nimbus sshd[52959]: Invalid user message from 104.248.172.241 port 60580").Event);
    }
}
