using System.Net;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Sshd;

/// <summary>The sshd message forms of OpenSSH 7.x to 10.x, each with a real line (message-catalog B.1).</summary>
public class SshdCoverageTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    private static T Event<T>(string line) where T : AuthEvent => Assert.IsType<T>(Entry(line).Event);

    [Fact]
    public void Postponed_and_partial_are_not_yet_authenticated()
    {
        var e = Event<SshdPartialAuthentication>("Nov 28 09:16:03 srv sshd[32307]: Postponed publickey for git from 192.0.2.1 port 57904 ssh2 [preauth]");
        Assert.Equal(("Postponed", "publickey", "git", true), (e.Result, e.Method, e.User, e.Preauth));
        Assert.Equal(AuthOutcome.None, e.Outcome);
        var p = Event<SshdPartialAuthentication>("Nov 28 09:16:03 srv sshd[32307]: Partial publickey for git from 192.0.2.1 port 57904 ssh2: ED25519 SHA256:abc");
        Assert.Equal(("Partial", "ED25519 SHA256:abc"), (p.Result, p.Details));
    }

    [Theory]
    [InlineData("Apr 16 22:01:15 al-ribat sshd[5154]: User root from 46.45.128.3 not allowed because listed in DenyUsers", "root", "46.45.128.3", "listed in DenyUsers")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User root from example.com not allowed because not listed in AllowUsers", "root", "example.com", "not listed in AllowUsers")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User bob from 192.0.2.1 not allowed because not in any group", "bob", "192.0.2.1", "not in any group")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User bob from 192.0.2.1 not allowed because a group is listed in DenyGroups", "bob", "192.0.2.1", "a group is listed in DenyGroups")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User bob from 192.0.2.1 not allowed because none of user's groups are listed in AllowGroups", "bob", "192.0.2.1", "none of user's groups are listed in AllowGroups")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User bob not allowed because account is locked", "bob", null, "account is locked")]
    [InlineData("Feb 25 14:34:11 belka sshd[31607]: User bob not allowed because shell /bin/nosh does not exist", "bob", null, "shell /bin/nosh does not exist")]
    public void User_not_allowed_reads_user_host_and_reason(string line, string user, string? host, string reason)
    {
        var e = Event<SshdUserNotAllowed>(line);
        Assert.Equal((user, host, reason), (e.User, e.Remote?.Host, e.Reason));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Theory]
    [InlineData("Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 1.2.3.4 port 12345 [preauth]", 12345)]
    [InlineData("Jan  5 01:31:41 www sshd[1643]: ROOT LOGIN REFUSED FROM 1.2.3.4", null)]
    public void Root_login_refused_old_and_new(string line, int? port)
    {
        var e = Event<SshdRootLoginRefused>(line);
        Assert.Equal(("root", "1.2.3.4", port), (e.User, e.Remote!.Host, e.Remote.Port));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Tcp_wrappers_refused_connect()
    {
        var e = Event<SshdRefusedConnect>("Jun  7 01:11:57 host sshd[8782]: refused connect from scanner.example.net (192.0.2.77)");
        Assert.Equal(("scanner.example.net", "192.0.2.77"), (e.Name, e.Remote!.Host));
        Assert.Equal(IPAddress.Parse("192.0.2.77"), e.Remote.Address);
    }

    [Theory]
    [InlineData("Jun 7 01:11:57 host sshd[8782]: Did not receive identification string from 192.0.2.5 port 35836", 35836)]
    [InlineData("Jun 7 01:11:57 host sshd[8782]: Did not receive identification string from 69.61.56.114", null)]
    public void Did_not_receive_identification_with_and_without_port(string line, int? port)
    {
        var e = Event<SshdNoIdentification>(line);
        Assert.Equal(port, e.Remote!.Port);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Bad_protocol_version_identification_keeps_what_was_sent()
    {
        var e = Event<SshdBadProtocolVersion>("Jun 7 01:11:58 host sshd[8783]: Bad protocol version identification 'dummy string' from 69.61.56.115 port 31778");
        Assert.Equal(("dummy string", "69.61.56.115", 31778), (e.Identification, e.Remote!.Host, e.Remote.Port));
    }

    [Fact]
    public void Banner_exchange_and_dispatch_errors_have_context_and_reason()
    {
        var banner = Event<SshdConnectionError>("Mar  1 18:59:33 hostname sshd[1189575]: banner exchange: Connection from 192.0.2.12 port 44105: invalid format");
        Assert.Equal(("banner exchange", "invalid format", 44105), (banner.Context, banner.Reason, banner.Remote!.Port));
        Assert.Equal(AuthOutcome.Failure, banner.Outcome);
        var mac = Event<SshdConnectionError>("Mar  1 18:59:50 hostname sshd[71905]: ssh_dispatch_run_fatal: Connection from 192.0.2.13 port 33738: message authentication code incorrect [preauth]");
        Assert.Equal(("ssh_dispatch_run_fatal", "message authentication code incorrect", true), (mac.Context, mac.Reason, mac.Preauth));
    }

    [Theory]
    [InlineData("Connection closed by remote host", AuthOutcome.Failure)]
    [InlineData("read: Connection reset by peer", AuthOutcome.Failure)]
    [InlineData("client sent invalid protocol identifier \"\"", AuthOutcome.Failure)]
    [InlineData("banner line contains invalid characters", AuthOutcome.None)]
    public void Kex_exchange_identification_reasons(string reason, AuthOutcome outcome)
    {
        var e = Event<SshdIdentificationError>($"Feb 17 17:40:18 sshd[19725]: error: kex_exchange_identification: {reason}");
        Assert.Equal((reason, outcome, SshdLogLevel.Error), (e.Reason, e.Outcome, e.Level));
    }

    [Theory]
    [InlineData("no matching key exchange method found", "key exchange method")]
    [InlineData("no matching host key type found", "host key type")]
    [InlineData("no matching cipher found", "cipher")]
    [InlineData("no matching MAC found", "MAC")]
    [InlineData("no matching compression method found", "compression method")]
    public void Unable_to_negotiate_every_algorithm_kind(string what, string algorithm)
    {
        var e = Event<SshdNegotiationFailed>($"Jun  8 10:44:36 server sshd[3204729]: Unable to negotiate with 123.57.135.134 port 45626: {what}. Their offer: a,b [preauth]");
        Assert.Equal(algorithm, e.Algorithm);
        Assert.Equal(["a", "b"], e.Offer);
    }

    [Fact]
    public void Unable_to_negotiate_before_7_0()
    {
        var e = Event<SshdNegotiationFailed>("Jun  8 10:44:36 server sshd[1]: fatal: Unable to negotiate a key exchange method [preauth]");
        Assert.Equal(("key exchange method", SshdLogLevel.Fatal), (e.Algorithm, e.Level));
        Assert.Empty(e.Offer);
        Assert.Null(e.Remote);
    }

    [Fact]
    public void Disconnecting_for_too_many_failures_is_a_failure()
    {
        // The outcome says what happened (a refused login); counting it once with the failures before it is the
        // attempt-counting rule's job (Analysis/AttemptCounting), not the outcome's.
        var e = Event<SshdDisconnecting>("Nov 23 21:50:38 myhost sshd[109798]: Disconnecting invalid user xxx 192.0.2.7 port 49941: Too many authentication failures [preauth]");
        Assert.Equal((SshdUserState.Invalid, "xxx", "Too many authentication failures"), (e.UserState, e.User, e.Reason));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        var change = Event<SshdDisconnecting>("Mar 19 16:47:49 test sshd[5672]: Disconnecting invalid user admin 192.0.2.117 port 44004: Change of username or service not allowed: (admin,ssh-connection) -> (user,ssh-connection) [preauth]");
        Assert.Equal("Change of username or service not allowed: (admin,ssh-connection) -> (user,ssh-connection)", change.Reason);
        Assert.Equal(AuthOutcome.Failure, change.Outcome);
    }

    [Fact]
    public void Disconnecting_before_7_5_names_the_user_in_the_reason()
    {
        var e = Event<SshdDisconnecting>("Nov 23 21:50:19 sshd[8148]: Disconnecting: Too many authentication failures for root [preauth]");
        Assert.Equal(("root", "Too many authentication failures for root", AuthOutcome.Failure), (e.User, e.Reason, e.Outcome));
    }

    [Fact]
    public void Read_from_socket_failed_is_a_preauth_failure_without_address()
    {
        var e = Event<SshdSocketError>("Mar  4 10:00:00 host sshd[2000]: fatal: Read from socket failed: Connection reset by peer [preauth]");
        Assert.Equal(("Read from socket", "Connection reset by peer", AuthOutcome.Failure), (e.Operation, e.Reason, e.Outcome));
        Assert.Null(e.Remote);
    }

    [Theory]
    [InlineData("Connection from 115.249.163.77 port 51353 on 127.0.0.1 port 22", "127.0.0.1", 22, null)]
    [InlineData("Connection from 192.0.2.16 port 51280 on 192.0.2.16 port 22 rdomain \"\"", "192.0.2.16", 22, "")]
    [InlineData("Connection from 192.0.2.5 port 1", null, null, null)]
    public void Connection_from_reads_both_ends(string message, string? local, int? localPort, string? rdomain)
    {
        var e = Event<SshdConnectionFrom>($"Feb 12 04:09:18 localhost sshd[26713]: {message}");
        Assert.Equal((local, localPort, rdomain), (e.LocalAddress, e.LocalPort, e.RoutingDomain));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Sessions_start_and_close()
    {
        var start = Event<SshdSessionStarted>("Apr  5 21:11:03 test01 sshd[5031]: Starting session: command on pts/0 for sherlock from 10.10.10.10 port 60140 id 0");
        Assert.Equal(("command", "pts/0", "sherlock", 0), (start.Kind, start.Tty, start.User, start.SessionId));
        var shell = Event<SshdSessionStarted>("Apr  5 21:11:03 test01 sshd[5031]: Starting session: subsystem 'sftp' for alice from 10.10.10.10 port 60140 id 1");
        Assert.Equal(("subsystem 'sftp'", null), (shell.Kind, shell.Tty));
        var close = Event<SshdSessionClosed>("Jun 29 16:53:37 my-vps sshd[3685002]: Close session: user ansible from 192.168.1.1 port 34928 id 0");
        Assert.Equal(("ansible", "192.168.1.1", 0), (close.User, close.Remote!.Host, close.SessionId));
    }

    [Fact]
    public void Accepted_key_found_at_location()
    {
        var e = Event<SshdKeyFound>("Apr  5 21:11:02 test01 sshd[5031]: Accepted key ED25519 SHA256:k1kj found at /home/alice/.ssh/authorized_keys:3");
        Assert.Equal(("key", "ED25519", "SHA256:k1kj", "/home/alice/.ssh/authorized_keys:3"), (e.Kind, e.KeyType, e.Fingerprint, e.Location));
        Assert.IsType<SshdAcceptedAuthentication>(Entry("Apr  5 21:11:02 test01 sshd[5031]: Accepted keyboard-interactive/pam for alice from 10.0.0.1 port 1 ssh2").Event);
    }

    [Fact]
    public void Reverse_dns_warnings_are_not_failures()
    {
        var maps = Event<SshdReverseMappingMismatch>("Oct 15 19:51:35 server sshd[7592]: Address 1.2.3.4 maps to 1234.bbbbbb.com, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!");
        Assert.Equal(("1234.bbbbbb.com", "1.2.3.4", AuthOutcome.None), (maps.Name, maps.Remote!.Host, maps.Outcome));
        var reverse = Event<SshdReverseMappingMismatch>("Oct 15 19:51:35 server sshd[7592]: reverse mapping checking getaddrinfo for host.example.com [192.0.2.8] failed - POSSIBLE BREAK-IN ATTEMPT!");
        Assert.Equal(("host.example.com", "192.0.2.8"), (reverse.Name, reverse.Remote!.Host));
    }

    [Theory]
    [InlineData("srclimit_penalise: ipv4: new 192.0.2.7/32 active penalty of 30.000 seconds for penalty: failed authentication", true, 30.0, "penalty: failed authentication")]
    [InlineData("srclimit_penalise: ipv4: new 192.0.2.7/32 deferred penalty of 5 seconds for penalty: attempted authentication by invalid user", false, 5.0, "penalty: attempted authentication by invalid user")]
    [InlineData("srclimit_penalise: ipv6: activating 2001:db8::/64 penalty of 600.000 seconds for penalty: caused crash", true, 600.0, "penalty: caused crash")]
    public void Per_source_penalties(string message, bool active, double seconds, string reason)
    {
        var e = Event<SshdPenalty>($"Oct 20 08:54:36 quasar sshd[59756]: {message}");
        Assert.Equal((active, TimeSpan.FromSeconds(seconds), reason), (e.Active, e.Duration, e.Reason));
        Assert.NotNull(e.Remote?.Address);
    }

    [Fact]
    public void Drop_connection_reads_both_ends_and_the_reason()
    {
        var e = Event<SshdConnectionDropped>("Oct 20 08:54:36 quasar sshd[59756]: drop connection #0 from [1.2.3.4]:48602 on [1.1.1.1]:22 penalty: exceeded LoginGraceTime");
        Assert.Equal((0, "1.2.3.4", 48602, "1.1.1.1", 22, "penalty: exceeded LoginGraceTime"), (e.Number, e.Remote!.Host, e.Remote.Port!.Value, e.LocalAddress, e.LocalPort, e.Reason));
    }

    [Fact]
    public void Timeout_before_authentication_from_the_9_8_listener()
    {
        var e = Event<SshdTimeout>("Oct 20 08:54:36 quasar sshd[59756]: Timeout before authentication for connection from 1.2.3.4 to 192.168.0.2, pid = 35557");
        Assert.Equal(("1.2.3.4", "192.168.0.2", 35557), (e.Remote!.Host, e.LocalAddress, e.ChildProcessId));
        var staged = Event<SshdTimeout>("Oct 20 08:54:36 quasar sshd[59756]: Timeout before authentication for connection from 1.2.3.4, pid = 35557 (sending config)");
        Assert.Equal(("1.2.3.4", null, "sending config"), (staged.Remote!.Host, staged.LocalAddress, staged.Stage));
    }

    [Fact]
    public void Received_disconnect_before_7_2_without_port()
    {
        var e = Event<SshdReceivedDisconnect>("Jan  2 01:18:41 host sshd[11808]: Received disconnect from 89.24.13.192: 3: com.jcraft.jsch.JSchException: Auth fail [preauth]");
        Assert.Equal(("89.24.13.192", (int?)null, 3, "com.jcraft.jsch.JSchException: Auth fail"), (e.Remote!.Host, e.Remote.Port, e.Code, e.Reason));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Input_userauth_request_invalid_user_before_7_5()
    {
        var e = Event<SshdInvalidUser>("Mar  1 10:00:00 host sshd[1]: input_userauth_request: invalid user root [preauth]");
        Assert.Equal(("root", true), (e.User, e.Preauth));
        Assert.Null(e.Remote);
    }

    [Fact]
    public void Solaris_message_id_and_invalid_username_placeholder()
    {
        var entry = Entry("Mar 29 05:59:23 dusky sshd[20878]: [ID 800047 auth.info] Failed keyboard-interactive for <invalid username> from 205.186.180.55 port 42742 ssh2");
        var e = Assert.IsType<SshdFailedAuthentication>(entry.Event);
        Assert.Equal(("<invalid username>", true, "keyboard-interactive"), (e.User, e.InvalidUser, e.Method));
        Assert.StartsWith("[ID 800047 auth.info] ", entry.Message);
    }

    [Fact]
    public void Failed_publickey_for_a_valid_user_is_not_a_failure()
    {
        Assert.Equal(AuthOutcome.None, Event<SshdFailedAuthentication>("Mar  1 10:00:00 h sshd[1]: Failed publickey for root from 192.0.2.1 port 22 ssh2: RSA SHA256:x").Outcome);
        Assert.Equal(AuthOutcome.Failure, Event<SshdFailedAuthentication>("Mar  1 10:00:00 h sshd[1]: Failed publickey for invalid user x from 192.0.2.1 port 22 ssh2: RSA SHA256:x").Outcome);
    }

    [Fact]
    public void Signals_client_timeouts_and_transfers()
    {
        Assert.Equal(15, Event<SshdReceivedSignal>("Mar  1 10:00:00 h sshd[1]: Exiting on signal 15").Signal);
        Assert.True(Event<SshdReceivedSignal>("Mar  1 10:00:00 h sshd[1]: Received SIGHUP; restarting.").Restarting);
        var timeout = Event<SshdClientTimeout>("Mar  1 10:00:00 h sshd[1]: Timeout, client not responding from user alice 192.0.2.5 port 51234");
        Assert.Equal((SshdUserState.Authenticated, "alice"), (timeout.UserState, timeout.User));
        var transferred = Event<SshdTransferred>("Mar  1 10:00:00 h sshd[1]: Transferred: sent 3192, received 2920 bytes");
        Assert.Equal((3192L, 2920L), (transferred.Sent, transferred.Received));
        Assert.IsType<SshdServerListening>(Entry("Mar  1 10:00:00 h sshd[1]: Server listening on 0.0.0.0 port 22 rdomain blue.").Event);
    }
}
