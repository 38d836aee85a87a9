using LogParsing.Grammar;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Grammar;

public class HeaderTests
{
    private static AuthLogEntry Parse(string line) =>
        AuthLogParser.Default.Parse(line.AsSpan(), new TimestampResolver(2024, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc), default, truncated: false);

    [Theory]
    [InlineData("May 31 07:07:22 nimbus sshd[52959]: Received signal 15; terminating.", 5, 31)]
    [InlineData("Mar  3 00:17:22 nimbus sshd[52959]: Received signal 15; terminating.", 3, 3)]
    [InlineData("Jul 03 14:59:17 nimbus sshd[52959]: Received signal 15; terminating.", 7, 3)]
    [InlineData("Feb 7 16:01:07 nimbus sshd[52959]: Received signal 15; terminating.", 2, 7)]
    public void Classic_stamp_reads_padded_zero_padded_and_unpadded_days(string line, int month, int day)
    {
        var e = Parse(line);
        Assert.Equal((2024, month, day), (e.Timestamp.Year, e.Timestamp.Month, e.Timestamp.Day));
        Assert.Equal("nimbus", e.Host);
        Assert.Equal("sshd", e.Program);
        Assert.Equal(52959, e.ProcessId);
        Assert.IsType<SshdReceivedSignal>(e.Event);
    }

    [Fact]
    public void Classic_stamp_keeps_a_fraction()
    {
        var e = Parse("Jun  5 12:34:56.123 myhost sshd[12345]: Received signal 15; terminating.");
        Assert.Equal(new DateTimeOffset(2024, 6, 5, 12, 34, 56, 123, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Rfc3339_stamp_is_exact_with_its_offset()
    {
        var e = Parse("2024-05-31T07:07:22.123456+02:00 nimbus sshd-session[52959]: Invalid user abc from 104.248.172.241 port 60580");
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 7, 7, 22, TimeSpan.FromHours(2)).AddTicks(1234560), e.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), e.Timestamp.Offset);
        Assert.False(e.YearWasInferred);
        Assert.Equal("sshd-session", e.Program);
        Assert.IsType<SshdInvalidUser>(e.Event);
    }

    [Fact]
    public void Rfc3339_stamp_with_z_is_utc()
    {
        var e = Parse("2023-12-31T23:59:59Z host sshd[1]: Received signal 15; terminating.");
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.Zero), e.Timestamp);
    }

    [Theory]
    [InlineData("May 31 07:07:22 host postfix/smtpd[123]: connect from unknown[1.2.3.4]", "postfix/smtpd", 123)]
    [InlineData("May 31 07:07:22 host sshd-auth[77]: Connection closed by 1.2.3.4 port 5 [preauth]", "sshd-auth", 77)]
    [InlineData("May 31 07:07:22 host systemd-logind[411]: New session 6 of user root.", "systemd-logind", 411)]
    [InlineData("May 31 07:07:22 host org.example.daemon: hello", "org.example.daemon", null)]
    public void Program_names_with_punctuation_and_optional_pid(string line, string program, int? pid)
    {
        var e = Parse(line);
        Assert.Equal(program, e.Program);
        Assert.Equal(pid, e.ProcessId);
        Assert.Equal("host", e.Host);
    }

    [Fact]
    public void Line_without_host_has_null_host()
    {
        var e = Parse("Nov 23 21:50:19 sshd[8148]: Received signal 15; terminating.");
        Assert.Null(e.Host);
        Assert.Equal("sshd", e.Program);
        Assert.Equal(8148, e.ProcessId);
    }

    [Fact]
    public void Host_with_dots_and_dashes()
    {
        var e = Parse("Apr 30 01:42:12 Jamess-iMac.local sshd[2554]: Received signal 15; terminating.");
        Assert.Equal("Jamess-iMac.local", e.Host);
    }

    [Fact]
    public void Message_keeps_leading_spaces_after_the_tag()
    {
        var e = Parse("Feb 24 00:13:02 precise32 sudo:      tsg : user NOT in sudoers ; TTY=pts/1");
        Assert.Equal("sudo", e.Program);
        Assert.Null(e.ProcessId);
        Assert.Equal("     tsg : user NOT in sudoers ; TTY=pts/1", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("May 31 07:07:22")]
    [InlineData("Foo 31 07:07:22 host sshd[1]: x")]
    [InlineData("May 31 25:07:22 host sshd[1]: x")]
    [InlineData("2024-13-01T00:00:00Z host sshd[1]: x")]
    [InlineData("May 31 07:07:22 host sshd[abc]: x")]
    [InlineData("\0\0\0")]
    [InlineData("2024-05-31T07:07:22+14:30 host sshd[1]: x")]
    [InlineData("2024-05-31T07:07:22-23:59 host sshd[1]: x")]
    public void A_line_without_a_header_is_malformed_with_the_raw_text(string line)
    {
        var e = Parse(line);
        Assert.IsType<MalformedLine>(e.Event);
        Assert.Equal(line, e.Message);
        Assert.Equal(string.Empty, e.Program);
        Assert.False(AuthLogParser.Default.TryParse(line, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void An_unknown_program_is_unrecognized_with_the_header_parsed()
    {
        var e = Parse("May 31 07:07:22 nimbus kernel: [  970.699397] eth0: link up");
        Assert.IsType<UnrecognizedEvent>(e.Event);
        Assert.Equal("kernel", e.Program);
        Assert.Equal("[  970.699397] eth0: link up", e.Message);
    }

    [Fact]
    public void Parse_of_a_string_never_throws_and_infers_the_year()
    {
        var e = AuthLogParser.Default.Parse("May 31 07:07:22 nimbus sshd[52959]: Invalid user abc from 104.248.172.241 port 60580");
        Assert.True(e.YearWasInferred);
        Assert.True(AuthLogParser.Default.TryParse("May 31 07:07:22 nimbus sshd[52959]: whatever", out var u));
        Assert.IsType<UnrecognizedEvent>(u.Event);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+05:00 host sshd[1]: Received signal 15; terminating.")]
    [InlineData("9999-12-31T23:59:59-05:00 host sshd[1]: Received signal 15; terminating.")]
    public void A_stamp_past_the_edge_of_time_is_a_malformed_line(string line)
    {
        // The instant is outside DateTimeOffset's range: it names no instant the entry could hold (issue 15, defect 3).
        var e = AuthLogParser.Default.Parse(line);
        Assert.IsType<MalformedLine>(e.Event);
        Assert.Equal(line, e.Message);
    }

    [Fact]
    public void The_first_instant_itself_is_a_stamp()
    {
        var e = AuthLogParser.Default.Parse("0001-01-01T00:00:00Z host sshd[1]: Received signal 15; terminating.");
        Assert.Equal((DateTimeOffset.MinValue, "sshd"), (e.Timestamp, e.Program));
    }
}
