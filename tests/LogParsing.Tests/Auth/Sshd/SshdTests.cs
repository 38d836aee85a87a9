using System.Net;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Sshd;

public class SshdTests
{
    private static AuthEvent Event(string message, string program = "sshd") =>
        AuthLogParser.Default.Parse($"Jun  7 04:29:10 host {program}[649921]: {message}").Event;

    [Fact]
    public void Failed_password_for_invalid_user_yields_method_user_and_remote()
    {
        var e = Assert.IsType<SshdFailedAuthentication>(Event("Failed password for invalid user admin from 192.0.2.1 port 56502 ssh2", "sshd-session"));
        Assert.Equal("password", e.Method);
        Assert.True(e.InvalidUser);
        Assert.Equal("admin", e.User);
        Assert.Equal(new RemoteEndpoint("192.0.2.1", IPAddress.Parse("192.0.2.1"), 56502), e.Remote);
        Assert.Equal("ssh2", e.Protocol);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Theory]
    [InlineData("Failed publickey for root from 192.0.2.1 port 22 ssh2: RSA SHA256:abc", "publickey", "root", false)]
    [InlineData("Failed keyboard-interactive/pam for invalid user jamedds from 192.0.2.1 port 33723 ssh2", "keyboard-interactive/pam", "jamedds", true)]
    [InlineData("Failed none for invalid user test from 192.0.2.1 port 1 ssh2", "none", "test", true)]
    [InlineData("Failed password for root from 192.0.2.1 port 45416 ssh1", "password", "root", false)]
    [InlineData("Failed password for invalid user my user from 192.0.2.1 port 22 ssh2", "password", "my user", true)]
    [InlineData("Failed password for invalid user  from 192.0.2.1 port 22 ssh2", "password", "", true)]
    public void Failed_authentication_reads_every_method_and_odd_user_names(string message, string method, string user, bool invalid)
    {
        var e = Assert.IsType<SshdFailedAuthentication>(Event(message));
        Assert.Equal((method, user, invalid), (e.Method, e.User, e.InvalidUser));
        Assert.Equal("192.0.2.1", e.Remote!.Host);
    }

    [Fact]
    public void Accepted_publickey_yields_key_type_and_fingerprint()
    {
        var e = Assert.IsType<SshdAcceptedAuthentication>(Event("Accepted publickey for vagrant from 10.0.2.2 port 48274 ssh2: ED25519 SHA256:k1kjhwoH/H3w31MbGOIGd7qxrkSQJnoAN0eYJVHDmmI"));
        Assert.Equal("publickey", e.Method);
        Assert.Equal("vagrant", e.User);
        Assert.Equal("ED25519", e.KeyType);
        Assert.Equal("SHA256:k1kjhwoH/H3w31MbGOIGd7qxrkSQJnoAN0eYJVHDmmI", e.Fingerprint);
        Assert.Equal(AuthOutcome.Success, e.Outcome);
        Assert.Equal(48274, e.Remote!.Port);
    }

    [Fact]
    public void Accepted_password_has_no_key()
    {
        var e = Assert.IsType<SshdAcceptedAuthentication>(Event("Accepted password for rda from 192.0.2.113 port 52100 ssh2"));
        Assert.Equal(("password", "rda"), (e.Method, e.User));
        Assert.Null(e.KeyType);
        Assert.Null(e.Fingerprint);
    }

    [Fact]
    public void Ipv6_addresses_parse()
    {
        var e = Assert.IsType<SshdConnectionClosed>(Event("Connection closed by 2001:db8::1 port 22 [preauth]"));
        Assert.Equal("2001:db8::1", e.Remote!.Host);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), e.Remote.Address);
    }

    [Fact]
    public void Ipv4_mapped_addresses_are_the_ipv4_host()
    {
        // sshd on a dual-stack socket writes an IPv4 client as ::ffff:a.b.c.d: one host for every analysis.
        var entry = AuthLogParser.Default.Parse("May 31 07:07:22 nimbus sshd[1]: Connection closed by ::ffff:192.0.2.7 port 22 [preauth]");
        var e = Assert.IsType<SshdConnectionClosed>(entry.Event);
        Assert.Equal(new RemoteEndpoint("192.0.2.7", IPAddress.Parse("192.0.2.7"), 22), e.Remote);
        Assert.Contains("::ffff:192.0.2.7", entry.Message);
    }

    [Fact]
    public void A_host_name_in_the_host_position_has_no_address()
    {
        var e = Assert.IsType<SshdPamError>(Event("error: PAM: authentication error for illegal user r00t from example.com"));
        Assert.Equal("example.com", e.Remote!.Host);
        Assert.Null(e.Remote.Address);
        Assert.Null(e.Remote.Port);
        Assert.True(e.InvalidUser);
        Assert.Equal("r00t", e.User);
        Assert.Equal("authentication error", e.Reason);
        Assert.Equal(SshdLogLevel.Error, e.Level);
    }

    [Fact]
    public void Pam_error_for_a_valid_user()
    {
        var e = Assert.IsType<SshdPamError>(Event("error: PAM: Authentication failure for myhlj1374 from 192.0.3.6"));
        Assert.Equal(("Authentication failure", "myhlj1374", false), (e.Reason, e.User, e.InvalidUser));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Maximum_authentication_attempts_yields_user_and_preauth()
    {
        var e = Assert.IsType<SshdMaxAuthAttempts>(Event("error: maximum authentication attempts exceeded for invalid user xxx from 192.0.2.7 port 49941 ssh2 [preauth]"));
        Assert.Equal(("xxx", true, true), (e.User, e.InvalidUser, e.Preauth));
        Assert.Equal(49941, e.Remote!.Port);
        Assert.Equal(SshdLogLevel.Error, e.Level);
    }

    [Fact]
    public void Fatal_timeout_before_authentication()
    {
        var e = Assert.IsType<SshdTimeout>(Event("fatal: Timeout before authentication for 192.0.2.14 port 55555"));
        Assert.Equal(SshdLogLevel.Fatal, e.Level);
        Assert.Equal(new RemoteEndpoint("192.0.2.14", IPAddress.Parse("192.0.2.14"), 55555), e.Remote);
    }

    [Fact]
    public void Server_listening_and_signal()
    {
        var listening = Assert.IsType<SshdServerListening>(Event("Server listening on :: port 22."));
        Assert.Equal(("::", 22), (listening.Address, listening.Port));
        Assert.Equal(15, Assert.IsType<SshdReceivedSignal>(Event("Received signal 15; terminating.")).Signal);
    }

    [Fact]
    public void Empty_user_in_a_preamble_is_an_empty_string()
    {
        var e = Assert.IsType<SshdConnectionClosed>(Event("Connection closed by invalid user  192.0.2.68 port 34916 [preauth]"));
        Assert.Equal("", e.User);
        Assert.Equal(SshdUserState.Invalid, e.UserState);
        Assert.Equal("192.0.2.68", e.Remote!.Host);
    }

    [Fact]
    public void Disconnected_from_an_authenticated_user_after_auth()
    {
        var e = Assert.IsType<SshdDisconnected>(Event("Disconnected from user alice 192.0.2.5 port 51234"));
        Assert.Equal((SshdUserState.Authenticated, "alice", false), (e.UserState, e.User, e.Preauth));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Received_disconnect_code_14_is_a_failure_and_keeps_the_error_level()
    {
        var e = Assert.IsType<SshdReceivedDisconnect>(Event("error: Received disconnect from 192.168.2.92 port 1684:14: No supported authentication methods available [preauth]"));
        Assert.Equal((14, "No supported authentication methods available"), (e.Code, e.Reason));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        Assert.Equal(SshdLogLevel.Error, e.Level);
    }

    [Fact]
    public void Postauth_suffix_is_recorded()
    {
        var e = Assert.IsType<SshdReceivedDisconnect>(Event("Received disconnect from 192.0.2.5 port 51234:11: disconnected by user [postauth]"));
        Assert.True(e.Postauth);
        Assert.False(e.Preauth);
        Assert.Equal("disconnected by user", e.Reason);
    }

    [Theory]
    [InlineData("sshd")]
    [InlineData("sshd-session")]
    [InlineData("sshd-auth")]
    public void The_three_openssh_programs_share_one_grammar(string program)
    {
        Assert.IsType<SshdInvalidUser>(Event("Invalid user pi from 177.128.2.215 port 57008", program));
    }

    [Fact]
    public void Unknown_sshd_message_is_unrecognized()
    {
        Assert.IsType<UnrecognizedEvent>(Event("Something sshd never said from 1.2.3.4"));
        Assert.IsType<UnrecognizedEvent>(Event("Invalid user pi from"));
        Assert.IsType<UnrecognizedEvent>(Event("Received signal 15; terminating. and more"));
    }

    [Fact]
    public void Negotiation_failures_with_the_same_offer_are_equal_records()
    {
        const string line = "Unable to negotiate with 192.0.2.9 port 51234: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]";
        var a = Event(line);
        var b = Event(line);
        var other = Event(line.Replace("group1-sha1", "group-exchange-sha1", StringComparison.Ordinal));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
    }
}
