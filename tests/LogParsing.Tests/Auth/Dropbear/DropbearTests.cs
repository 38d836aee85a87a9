using System.Net;
using LogParsing.Auth.Dropbear;

namespace LogParsing.Tests.Auth.Dropbear;

public class DropbearTests
{
    private static AuthEvent Event(string line) => AuthLogParser.Default.Parse(line).Event;

    private static readonly IPAddress Hostile = IPAddress.Parse("6.6.6.6");

    [Fact]
    public void Bad_password_attempt_reads_user_and_remote_from_the_end()
    {
        // the format string of svr-authpasswd.c, "Bad password attempt for '%s' from %s"
        var e = Assert.IsType<DropbearBadPassword>(Event("May 31 07:07:22 host dropbear[1335]: Bad password attempt for 'root' from 203.0.113.7:60588"));
        Assert.Equal("root", e.User);
        Assert.Equal(new RemoteEndpoint("203.0.113.7", IPAddress.Parse("203.0.113.7"), 60588), e.Remote);
        Assert.False(e.Pam);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Old_lower_case_bad_password_attempt_is_read()
    {
        // fail2ban's test log fail2ban/tests/files/logs/dropbear (0.4x wording)
        var e = Assert.IsType<DropbearBadPassword>(Event("Feb 11 15:23:17 dropbear[1252]: bad password attempt for 'root' from 198.51.100.87:5543"));
        Assert.Equal(("root", "198.51.100.87", (int?)5543), (e.User, e.Remote!.Host, e.Remote.Port));
    }

    [Fact]
    public void Bad_pam_password_attempt_flags_pam_and_the_invalid_username_placeholder()
    {
        // the format string of svr-authpam.c, "Bad PAM password attempt for '%s' from %s", printable_user "<invalid username>"
        var e = Assert.IsType<DropbearBadPassword>(Event("May 31 07:07:22 host dropbear[2001]: Bad PAM password attempt for '<invalid username>' from 203.0.113.7:51022"));
        Assert.True(e.Pam);
        Assert.True(e.InvalidUser);
        Assert.Equal("<invalid username>", e.User);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Theory]
    // hostile names: the client's text ends in what looks like Dropbear's own "' from H:P"
    [InlineData("Bad password attempt for 'root' from 6.6.6.6:22' from 203.0.113.7:60588", "root' from 6.6.6.6:22")]
    [InlineData("Bad PAM password attempt for 'x' from 6.6.6.6:1' from 203.0.113.7:60588", "x' from 6.6.6.6:1")]
    [InlineData("bad password attempt for 'a from 6.6.6.6:1' from 203.0.113.7:60588", "a from 6.6.6.6:1")]
    public void A_name_holding_from_and_an_address_never_gives_that_remote(string message, string user)
    {
        var e = Assert.IsType<DropbearBadPassword>(Event("May 31 07:07:22 host dropbear[1335]: " + message));
        Assert.Equal(user, e.User);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), e.Remote!.Address);
        Assert.Equal(60588, e.Remote.Port);
    }

    [Theory]
    // svr_ses.addrstring is "%s:%s" of the numeric host: IPv6 is not bracketed, the port follows the last colon
    [InlineData("2001:db8::5:40122", "2001:db8::5", 40122)]
    [InlineData("2001:db8::5:4012", "2001:db8::5", 4012)]
    // An IPv4-mapped address is reported as its IPv4 host (docs/events.md, "Addresses and client-chosen text").
    [InlineData("::ffff:198.51.100.215:60495", "198.51.100.215", 60495)]
    [InlineData("fe80::1:22", "fe80::1", 22)]
    public void Ipv6_host_port_splits_at_the_last_colon(string written, string host, int port)
    {
        var e = Assert.IsType<DropbearBadPassword>(Event($"May 31 07:07:22 host dropbear[1335]: Bad password attempt for 'root' from {written}"));
        Assert.Equal(host, e.Remote!.Host);
        Assert.Equal(IPAddress.Parse(host), e.Remote.Address);
        Assert.Equal(port, e.Remote.Port);
    }

    [Fact]
    public void Login_attempt_for_nonexistent_user_has_no_name()
    {
        // svr-auth.c checkusername, "Login attempt for nonexistent user from %s"
        var e = Assert.IsType<DropbearNonexistentUser>(Event("May 31 07:07:22 host dropbear[1477]: Login attempt for nonexistent user from 2001:db8::5:40122"));
        Assert.Null(e.User);
        Assert.Equal(("2001:db8::5", (int?)40122), (e.Remote!.Host, e.Remote.Port));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        // fail2ban's test log (lower case, IPv4-mapped)
        var old = Assert.IsType<DropbearNonexistentUser>(Event("Feb 11 15:23:17 dropbear[1252]: login attempt for nonexistent user from ::ffff:198.51.100.215:60495"));
        Assert.Equal("198.51.100.215", old.Remote!.Host); // IPv4-mapped: the IPv4 host
    }

    [Fact]
    public void Login_attempt_for_nonexistent_user_with_a_quoted_name_keeps_the_name_and_the_last_address()
    {
        // the optional "'%s' " of fail2ban's dropbear filter; hostile name holding "' from 6.6.6.6:22"
        var e = Assert.IsType<DropbearNonexistentUser>(Event("May 31 07:07:22 host dropbear[1477]: Login attempt for nonexistent user 'oracle' from 6.6.6.6:22' from 203.0.113.7:4022"));
        Assert.Equal("oracle' from 6.6.6.6:22", e.User);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), e.Remote!.Address);
    }

    [Fact]
    public void Password_auth_succeeded_is_a_success()
    {
        // svr-authpasswd.c "Password auth succeeded for '%s' from %s"
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: Password auth succeeded for 'alice' from 198.51.100.4:50122"));
        Assert.Equal(("password", "alice", false, false), (e.Method, e.User, e.Pam, e.ExtraAuthRequired));
        Assert.Equal(50122, e.Remote!.Port);
        Assert.Equal(AuthOutcome.Success, e.Outcome);
    }

    [Fact]
    public void Pam_password_auth_succeeded_is_a_success_with_pam()
    {
        // svr-authpam.c "PAM password auth succeeded for '%s' from %s"
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: PAM password auth succeeded for 'alice' from 198.51.100.4:50122"));
        Assert.True(e.Pam);
        Assert.Equal(AuthOutcome.Success, e.Outcome);
    }

    [Fact]
    public void Pam_lines_under_dropbear_and_other_pam_texts_stay_pam_events()
    {
        // the PAM family claims "PAM ": only Dropbear's own "PAM password auth succeeded for '" is taken from it
        Assert.IsType<LogParsing.Auth.Pam.PamMoreFailures>(Event("May 31 07:07:22 host sshd[2001]: PAM 4 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106  user=root"));
        Assert.IsType<LogParsing.Auth.Pam.PamAuthenticationFailure>(Event("May 31 07:07:22 host dropbear[2001]: pam_unix(dropbear:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.7  user=root"));
    }

    [Fact]
    public void Extra_auth_required_is_not_yet_a_login()
    {
        // svr-authpasswd.c "Password auth succeeded for '%s' from %s, extra auth required" (multiauthmethod)
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: Password auth succeeded for 'alice' from 2001:db8::7:50122, extra auth required"));
        Assert.True(e.ExtraAuthRequired);
        Assert.Equal(("2001:db8::7", (int?)50122), (e.Remote!.Host, e.Remote.Port));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Pubkey_auth_succeeded_reads_key_type_and_fingerprint()
    {
        // src/svr-authpubkey.c "Pubkey auth succeeded for '%s' with %s key %s from %s" (the fingerprint is the source comment's)
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: Pubkey auth succeeded for 'alice' with ssh-ed25519 key SHA256:P9szN0L2ls6KxkVv7Bppv3asnZCn03rY7Msm/c8+ZgA from 198.51.100.4:50122"));
        Assert.Equal(("publickey", "alice", "ssh-ed25519", "SHA256:P9szN0L2ls6KxkVv7Bppv3asnZCn03rY7Msm/c8+ZgA"), (e.Method, e.User, e.KeyType, e.Fingerprint));
        Assert.Equal(IPAddress.Parse("198.51.100.4"), e.Remote!.Address);
        Assert.Equal(AuthOutcome.Success, e.Outcome);
    }

    [Fact]
    public void Old_pubkey_auth_succeeded_keeps_the_two_word_md5_fingerprint()
    {
        // older svr-authpubkey.c "Pubkey auth succeeded for '%s' with key %s from %s", signkey.c "md5 " + hex
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: Pubkey auth succeeded for 'alice' with key md5 0c:9a:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:7f from 198.51.100.4:50122"));
        Assert.Null(e.KeyType);
        Assert.Equal("md5 0c:9a:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:7f", e.Fingerprint);
        Assert.Equal(50122, e.Remote!.Port);
    }

    [Fact]
    public void Pubkey_name_holding_with_and_from_stays_the_name()
    {
        // hostile: the name imitates the rest of the line
        var e = Assert.IsType<DropbearAuthSucceeded>(Event("May 31 07:07:22 host dropbear[2001]: Pubkey auth succeeded for 'x' with ssh-rsa key SHA256:a from 6.6.6.6:1' with ssh-ed25519 key SHA256:b from 198.51.100.4:50122"));
        Assert.Equal("x' with ssh-rsa key SHA256:a from 6.6.6.6:1", e.User);
        Assert.Equal(("ssh-ed25519", "SHA256:b"), (e.KeyType, e.Fingerprint));
        Assert.Equal(IPAddress.Parse("198.51.100.4"), e.Remote!.Address);
    }

    [Fact]
    public void Max_auth_tries_reached_before_2020_reads_user_fails_and_remote_from_the_end()
    {
        // fail2ban's test log fail2ban/tests/files/logs/dropbear
        var e = Assert.IsType<DropbearMaxAuthTries>(Event("Jul 27 01:04:22 fail2ban-test dropbear[1335]: Exit before auth (user 'root', 10 fails): Max auth tries reached - user 'root' from 1.2.3.4:60588"));
        Assert.Equal(("root", (int?)10, false), (e.User, e.Failures, e.InvalidUser));
        Assert.Equal(new RemoteEndpoint("1.2.3.4", IPAddress.Parse("1.2.3.4"), 60588), e.Remote);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Max_auth_tries_reached_since_2020_takes_the_address_of_the_prefix()
    {
        // src/svr-session.c "Exit before auth%s: (user '%s', %u fails): %s" with " from <%s>", src/svr-auth.c "Max auth tries reached - user '%s'"
        var e = Assert.IsType<DropbearMaxAuthTries>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth from <2001:db8::5:40122>: (user 'root', 10 fails): Max auth tries reached - user 'root'"));
        Assert.Equal(("root", (int?)10), (e.User, e.Failures));
        Assert.Equal(("2001:db8::5", (int?)40122), (e.Remote!.Host, e.Remote.Port));
    }

    [Fact]
    public void Max_auth_tries_for_an_invalid_user_flags_the_placeholder()
    {
        // svr-auth.c userstr "is invalid" when pw_name is NULL (then svr-session.c writes no "(user ...)")
        var e = Assert.IsType<DropbearMaxAuthTries>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth: Max auth tries reached - user 'is invalid' from 203.0.113.7:4022"));
        Assert.True(e.InvalidUser);
        Assert.Null(e.Failures);
        Assert.Equal(4022, e.Remote!.Port);
    }

    [Theory]
    // hostile names in both layouts: before 2020 the address is at the end, since 2020 in the prefix, before the name
    [InlineData("Exit before auth (user 'root' from 6.6.6.6:22', 10 fails): Max auth tries reached - user 'root' from 6.6.6.6:22' from 1.2.3.4:60588", "1.2.3.4")]
    [InlineData("Exit before auth from <1.2.3.4:60588>: (user 'x' from 6.6.6.6:22', 10 fails): Max auth tries reached - user 'x' from 6.6.6.6:22'", "1.2.3.4")]
    [InlineData("Exit before auth from <1.2.3.4:60588>: Max auth tries reached - user ' from 6.6.6.6:1'", "1.2.3.4")]
    public void Max_auth_tries_never_takes_the_address_inside_a_name(string message, string address)
    {
        var e = Assert.IsType<DropbearMaxAuthTries>(Event("May 31 07:07:22 host dropbear[1335]: " + message));
        Assert.Equal(IPAddress.Parse(address), e.Remote!.Address);
    }

    [Fact]
    public void Exit_before_auth_old_and_new_forms_are_read()
    {
        // svr-session.c before 2020: "Exit before auth (user '%s', %d fails): %s", "Exit before auth: %s"
        var old = Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth (user 'root', 2 fails): Exited normally"));
        Assert.Equal(("root", (int?)2, "Exited normally"), (old.User, old.Failures, old.Reason));
        Assert.Null(old.Remote);
        Assert.Equal(AuthOutcome.None, old.Outcome);
        var bare = Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth: Disconnect received"));
        Assert.Equal(("Disconnect received", (string?)null), (bare.Reason, bare.User));
        // src/svr-session.c since 2020: "Exit before auth%s: %s" with " from <%s>"
        var from = Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth from <2001:db8::5:40122>: Exited normally"));
        Assert.Equal(("2001:db8::5", (int?)40122, "Exited normally"), (from.Remote!.Host, from.Remote.Port, from.Reason));
        var withUser = Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: Exit before auth from <203.0.113.7:4022>: (user 'root', 1 fails): Disconnect received"));
        Assert.Equal(("root", (int?)1, "203.0.113.7"), (withUser.User, withUser.Failures, withUser.Remote!.Host));
        // 0.4x: "exit before auth (user '%s', %d fails): %s", "exit before auth: %s"
        Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: exit before auth (user 'root', 3 fails): Disconnect received"));
        Assert.IsType<DropbearExitBeforeAuth>(Event("May 31 07:07:22 host dropbear[1335]: exit before auth: Disconnect received"));
    }

    [Fact]
    public void Exit_after_auth_old_and_new_forms_are_read()
    {
        // svr-session.c before 2020 "Exit (%s): %s"; src/svr-session.c "Exit (%s)%s: %s" with " from <%s>"; 0.4x "exit after auth (%s): %s"
        var old = Assert.IsType<DropbearExit>(Event("May 31 07:09:00 host dropbear[2001]: Exit (alice): Exited normally"));
        Assert.Equal(("alice", "Exited normally"), (old.User, old.Reason));
        Assert.Null(old.Remote);
        Assert.Equal(AuthOutcome.None, old.Outcome);
        var from = Assert.IsType<DropbearExit>(Event("May 31 07:09:00 host dropbear[2001]: Exit (alice) from <198.51.100.4:50122>: Exited normally"));
        Assert.Equal(("alice", "198.51.100.4", (int?)50122), (from.User, from.Remote!.Host, from.Remote.Port));
        var oldest = Assert.IsType<DropbearExit>(Event("May 31 07:09:00 host dropbear[2001]: exit after auth (alice): Disconnect received"));
        Assert.Equal(("alice", "Disconnect received"), (oldest.User, oldest.Reason));
    }

    [Theory]
    // a name that imitates the 2020 address: in a new line the real address is the last one; in an old line it cannot be told
    // from a real one, so the line reports none
    [InlineData("Exit (x) from <6.6.6.6:1>: y) from <198.51.100.4:50122>: Exited normally", "198.51.100.4")]
    [InlineData("Exit (x) from <6.6.6.6:1>: y): Exited normally", null)]
    public void Exit_never_takes_the_address_inside_a_name(string message, string? address)
    {
        var e = Assert.IsType<DropbearExit>(Event("May 31 07:09:00 host dropbear[2001]: " + message));
        Assert.Equal(address, e.Remote?.Host);
    }

    [Fact]
    public void Child_connection_is_bookkeeping()
    {
        // svr-main.c "Child connection from %s:%s"
        var e = Assert.IsType<DropbearChildConnection>(Event("May 31 07:07:20 host dropbear[2001]: Child connection from 2001:db8::5:40122"));
        Assert.Equal(("2001:db8::5", (int?)40122), (e.Remote!.Host, e.Remote.Port));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void User_account_locked_is_a_failure_without_address()
    {
        // svr-authpasswd.c "User account '%s' is locked"
        var e = Assert.IsType<DropbearAccountLocked>(Event("May 31 07:07:22 host dropbear[2001]: User account 'bob' is locked"));
        Assert.Equal("bob", e.User);
        Assert.Null(e.Remote);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Pubkey_attempt_with_unknown_algo_is_read_in_both_cases()
    {
        // older svr-authpubkey.c checkpubkey "Pubkey auth attempt with unknown algo for '%s' from %s"; 0.4x lower case
        var e = Assert.IsType<DropbearUnknownKeyAlgorithm>(Event("May 31 07:07:22 host dropbear[2001]: Pubkey auth attempt with unknown algo for 'alice' from 198.51.100.4:50122"));
        Assert.Equal(("alice", 50122), (e.User, e.Remote!.Port));
        Assert.Equal(AuthOutcome.None, e.Outcome);
        var hostile = Assert.IsType<DropbearUnknownKeyAlgorithm>(Event("May 31 07:07:22 host dropbear[2001]: pubkey auth attempt with unknown algo for 'a' from 6.6.6.6:22' from 198.51.100.4:50122"));
        Assert.NotEqual(Hostile, hostile.Remote!.Address);
    }

    [Fact]
    public void Stderr_captured_by_journald_is_read_through_its_own_prefix()
    {
        // fail2ban's test log (gh-3597): svr_dropbear_log's "[%d] %s %s" on stderr, captured under the syslog tag
        var e = Assert.IsType<DropbearBadPassword>(Event("Jul 10 23:53:52 fail2ban-test dropbear[825]: [825] Jul 10 23:53:52 Bad password attempt for 'root' from 1.2.3.4:52289"));
        Assert.Equal(("root", "1.2.3.4", (int?)52289), (e.User, e.Remote!.Host, e.Remote.Port));
    }

    [Theory]
    [InlineData("May 31 07:07:22 host dropbear[2001]: Running in background")]
    [InlineData("May 31 07:07:22 host dropbear[2001]: Bad password attempt for 'root' from 203.0.113.7")]
    [InlineData("May 31 07:07:22 host dropbear[2001]: Bad password attempt for 'root' from 203.0.113.7:99999")]
    [InlineData("May 31 07:07:22 host dropbear[2001]: Child connection from 203.0.113.7:22 extra")]
    public void Other_dropbear_lines_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
