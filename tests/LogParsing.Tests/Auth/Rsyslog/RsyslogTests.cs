using LogParsing.Auth.Rsyslog;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Rsyslog;

public class RsyslogTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void Repeated_message_yields_count_and_text_under_the_original_program()
    {
        var entry = Entry("May 31 07:07:30 nimbus sshd[52961]: message repeated 2 times: [ Failed password for root from 185.18.126.114 port 33872 ssh2]");
        Assert.Equal("sshd", entry.Program);
        var e = Assert.IsType<RepeatedMessage>(entry.Event);
        Assert.Equal(2, e.Count);
        Assert.Equal("Failed password for root from 185.18.126.114 port 33872 ssh2", e.Text);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Repeated_message_keeps_brackets_inside_the_text()
    {
        var e = Assert.IsType<RepeatedMessage>(Entry("May 31 07:07:30 nimbus sshd[1]: message repeated 5 times: [ Connection closed by 1.2.3.4 port 22 [preauth]]").Event);
        Assert.Equal("Connection closed by 1.2.3.4 port 22 [preauth]", e.Text);
    }

    [Fact]
    public void Legacy_last_message_repeated_has_a_count_and_no_text()
    {
        var e = Assert.IsType<RepeatedMessage>(Entry("May 31 07:07:30 nimbus su: last message repeated 3 times").Event);
        Assert.Equal(3, e.Count);
        Assert.Null(e.Text);
    }

    [Fact]
    public void Repeated_message_is_read_under_programs_without_a_grammar()
    {
        Assert.IsType<RepeatedMessage>(Entry("May 31 07:07:30 nimbus kernel: message repeated 4 times: [ usb 1-1: reset]").Event);
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
