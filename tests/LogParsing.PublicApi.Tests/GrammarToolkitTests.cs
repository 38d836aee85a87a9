using System.Net;
using LogParsing.Grammar;
using Pidgin;

namespace LogParsing.PublicApi.Tests;

/// <summary>The public grammar pieces, on the example lines their documentation gives.</summary>
public class GrammarToolkitTests
{
    // What a piece leaves: a leaf that fails must consume nothing, so the rest is the whole input.
    private static string Left<T>(Parser<char, T> piece, string input) =>
        piece.Optional().Then(Scan.Rest).Parse(input).Value;

    [Theory]
    [InlineData("203.0.113.5:51234 TLS Auth Error", "203.0.113.5", ":51234 TLS Auth Error")]
    [InlineData("2001:db8::7 port 22", "2001:db8::7", " port 22")]
    [InlineData("::ffff:203.0.113.5:51234", "::ffff:203.0.113.5", ":51234")]
    [InlineData("2001:db8::1:51234", "2001:db8::1", ":51234")]
    [InlineData("1.2.3.4]", "1.2.3.4", "]")]
    public void IPAddress_reads_the_address_and_leaves_what_follows(string input, string address, string rest)
    {
        var parser = Parser.Map((a, r) => (a, r), Tokens.IPAddress, Scan.Rest);
        var (parsed, left) = parser.Parse(input).Value;
        Assert.Equal(IPAddress.Parse(address), parsed);
        Assert.Equal(rest, left);
    }

    [Theory]
    [InlineData("1234 is a name")]
    [InlineData("0x7f.1")]
    [InlineData("1.2.3.4x")]
    [InlineData("1.2.3.256")]
    [InlineData("alice/203.0.113.5:51234")]
    [InlineData("")]
    public void IPAddress_fails_on_names_without_consuming(string input) =>
        Assert.Equal(input, Left(Tokens.IPAddress, input));

    [Theory]
    [InlineData("mail.example.com:25", "mail.example.com", ":25")]
    [InlineData("2001:db8::1 port 22", "2001:db8::1", " port 22")]
    [InlineData("203.0.113.5:51234", "203.0.113.5", ":51234")]
    [InlineData("unknown[192.0.2.7]", "unknown", "[192.0.2.7]")]
    public void Host_reads_a_name_or_an_address_as_written(string input, string host, string rest)
    {
        var (parsed, left) = Parser.Map((h, r) => (h, r), Tokens.Host, Scan.Rest).Parse(input).Value;
        Assert.Equal(host, parsed);
        Assert.Equal(rest, left);
    }

    [Theory]
    [InlineData("alice: bad password", "alice")]
    [InlineData("guest-olyoaf from 1.2.3.4", "guest-olyoaf")]
    [InlineData("bob@example.com'", "bob@example.com")]
    [InlineData("carol]", "carol")]
    [InlineData("root(uid=0)", "root")]
    public void UserName_stops_at_the_punctuation_around_names(string input, string user) =>
        Assert.Equal(user, Tokens.UserName.Parse(input).Value);

    [Fact]
    public void UserName_names_itself_in_errors()
    {
        var error = new LogParser<string>(Tokens.UserName).Parse(":x").Error!;
        Assert.Equal(["user name"], error.Expected);
    }

    [Fact]
    public void Bracketed_reads_the_text_between_brackets()
    {
        Assert.Equal("alice", Tokens.Bracketed.Parse("[alice] Peer Connection Initiated").Value);
        Assert.Equal("", Tokens.Bracketed.Parse("[]").Value);
        Assert.Equal("[never closed", Left(Tokens.Bracketed, "[never closed"));
        Assert.Equal("alice]", Left(Tokens.Bracketed, "alice]"));
    }

    [Fact]
    public void Text_before_key_values_splits_a_message_from_its_fields()
    {
        var parser = Parser.Map((text, fields) => (text, fields), Tokens.TextBeforeKeyValues, Tokens.KeyValues);
        var (text, fields) = parser.Parse("login failed user=bob ip=1.2.3.4").Value;
        Assert.Equal("login failed", text);
        Assert.Equal([new("user", "bob"), new("ip", "1.2.3.4")], fields);
        Assert.Equal("", Tokens.TextBeforeKeyValues.Parse("user=bob").Value);
        Assert.Equal("no fields = here", Tokens.TextBeforeKeyValues.Parse("no fields = here").Value);
    }

    [Fact]
    public void Key_values_read_pam_unix_pairs_with_empty_values()
    {
        var pairs = Tokens.KeyValues.Parse("logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=rda").Value;
        Assert.Equal(["logname", "uid", "euid", "tty", "ruser", "rhost", "user"], pairs.Select(p => p.Key));
        Assert.Equal("", pairs[0].Value);
        Assert.Equal("rda", pairs[^1].Value);
    }

    [Theory]
    [InlineData("Bye Bye [preauth]", "Bye Bye", true)]
    [InlineData("Bye Bye", "Bye Bye", false)]
    public void Suffix_tells_whether_the_marker_ends_the_input(string input, string reason, bool preauth)
    {
        var parser = Parser.Map((r, p) => (r, p), Scan.RestBefore(" [preauth]"), Scan.OptionalSuffix(" [preauth]"));
        Assert.Equal((reason, preauth), parser.Parse(input).Value);
    }

    [Fact]
    public void Suffix_fails_without_consuming_anywhere_but_the_end() =>
        Assert.Equal(" [preauth] and more", Left(Scan.OptionalSuffix(" [preauth]"), " [preauth] and more"));

    [Fact]
    public void Dated_timestamp_reads_the_stamp_in_the_given_zone_unless_it_has_an_offset()
    {
        var berlin = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 7, 7, 22, 123, TimeSpan.FromHours(2)),
            Syslog.DatedTimestamp(berlin).Parse("2024-05-31 07:07:22.123").Value);
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 7, 7, 22, TimeSpan.FromHours(-4)),
            Syslog.DatedTimestamp(berlin).Parse("2024-05-31T07:07:22-04:00").Value);
    }

    [Theory]
    [InlineData("May 31 07:07:22 no year")]
    [InlineData("2024-02-30 00:00:00 no such day")]
    [InlineData("2024-05-31T07:07:22+14:30 offset out of range")]
    [InlineData("0001-01-01T00:00:00+01:00 before year 1 in UTC")]
    public void Dated_timestamp_fails_without_throwing_or_consuming_on_stamps_that_are_not_instants(string input) =>
        Assert.Equal(input, Left(Syslog.DatedTimestamp(TimeZoneInfo.Utc), input));

    [Fact]
    public void Header_and_rest_read_a_syslog_line()
    {
        var line = Parser.Map((header, message) => (header, message), Syslog.Header, Scan.Rest);
        var (header, message) = line.Parse("May 31 07:07:22 vpn openvpn[1234]: Initialization Sequence Completed").Value;
        Assert.Equal(new SyslogTimestamp(null, 5, 31, 7, 7, 22, 0, null), header.Timestamp);
        Assert.Equal(("vpn", "openvpn", (int?)1234), (header.Host, header.Program, header.ProcessId));
        Assert.Equal("Initialization Sequence Completed", message);
    }

    [Fact]
    public void From_remote_reads_host_and_port()
    {
        var remote = Tokens.FromRemote.Parse("from 104.248.172.241 port 60580").Value;
        Assert.Equal(new RemoteEndpoint("104.248.172.241", IPAddress.Parse("104.248.172.241"), 60580), remote);
    }

    [Fact]
    public void Port_refuses_numbers_above_65535()
    {
        Assert.Equal(60580, Tokens.Port.Parse("60580").Value);
        Assert.False(Tokens.Port.Parse("65536").Success);
    }
}
