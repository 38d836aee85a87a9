using System.Net;
using LogParsing.Auth.Login;

namespace LogParsing.Tests.Auth.Login;

public class LoginTests
{
    private static AuthEvent Event(string line) => AuthLogParser.Default.Parse(line).Event;

    private static readonly IPAddress Hostile = IPAddress.Parse("6.6.6.6");

    [Fact]
    public void Shadow_failed_login_reads_tty_attempt_user_and_pam_error()
    {
        // shadow-utils src/login.c "FAILED LOGIN (%u)%s FOR '%s', %s" with fromhost " on '%.100s'"
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[812]: FAILED LOGIN (1) on '/dev/tty1' FOR 'alice', Authentication failure"));
        Assert.Equal(("alice", "/dev/tty1", (int?)1, "Authentication failure"), (e.User, e.Tty, e.Attempt, e.Error));
        Assert.False(e.UnknownUser);
        Assert.Null(e.Remote);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Shadow_failed_login_from_a_host_and_the_unknown_placeholder()
    {
        // shadow-utils src/login.c, fromhost " on '%.100s' from '%.200s'" (telnetd -h), failent_user "UNKNOWN"
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[812]: FAILED LOGIN (2) on '/dev/pts/3' from 'client.example.net' FOR 'UNKNOWN', Authentication failure"));
        Assert.Equal(("UNKNOWN", true, "/dev/pts/3"), (e.User, e.UnknownUser, e.Tty));
        Assert.Equal(new RemoteEndpoint("client.example.net", null, null), e.Remote);
    }

    [Fact]
    public void Shadow_failed_login_never_takes_a_host_from_the_typed_name()
    {
        // hostile: the typed name imitates fromhost; the host comes before the name, so it is read from the left
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[812]: FAILED LOGIN (1) on '/dev/tty1' FOR 'x' from '6.6.6.6' FOR 'y', Authentication failure"));
        Assert.Null(e.Remote);
        Assert.Equal("x' from '6.6.6.6' FOR 'y", e.User);
        var withHost = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[812]: FAILED LOGIN (1) on '/dev/pts/0' from '192.0.2.5' FOR 'x' from '6.6.6.6:1', Authentication failure"));
        Assert.Equal(IPAddress.Parse("192.0.2.5"), withHost.Remote!.Address);
    }

    [Fact]
    public void Util_linux_failed_login_reads_the_host_and_the_unknown_placeholder()
    {
        // util-linux login-utils/login.c loginpam_auth "FAILED LOGIN %u FROM %s FOR %s, %s", "(unknown)" for a name that is no account
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[1024]: FAILED LOGIN 1 FROM 192.0.2.5 FOR (unknown), Authentication failure"));
        Assert.Equal(("(unknown)", true, (int?)1), (e.User, e.UnknownUser, e.Attempt));
        Assert.Equal(new RemoteEndpoint("192.0.2.5", IPAddress.Parse("192.0.2.5"), null), e.Remote);
        Assert.Null(e.Tty);
    }

    [Theory]
    // util-linux falls back to the tty name when there is no -h host, then "<unknown>"; 2011-era releases printed "(null)"
    [InlineData("FAILED LOGIN 1 FROM tty1 FOR root, Authentication failure", "tty1")]
    [InlineData("FAILED LOGIN 2 FROM pts/0 FOR root, Authentication failure", "pts/0")]
    [InlineData("FAILED LOGIN 1 FROM <unknown> FOR root, Authentication failure", null)]
    [InlineData("FAILED LOGIN 1 FROM (null) FOR root, Authentication failure", null)]
    public void Util_linux_failed_login_from_a_terminal_has_no_remote(string message, string? tty)
    {
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[1024]: " + message));
        Assert.Null(e.Remote);
        Assert.Equal(tty, e.Tty);
        Assert.Equal("root", e.User);
    }

    [Fact]
    public void Util_linux_failed_login_never_takes_a_host_from_the_typed_name()
    {
        // hostile: the typed name is unquoted and may hold " FROM 6.6.6.6 FOR " and ", "
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:22 host login[1024]: FAILED LOGIN 1 FROM tty1 FOR x FROM 6.6.6.6 FOR y, z, Authentication failure"));
        Assert.Null(e.Remote);
        Assert.Equal(("x FROM 6.6.6.6 FOR y, z", "Authentication failure"), (e.User, e.Error));
    }

    [Fact]
    public void Util_linux_failed_login_session_is_the_last_attempt()
    {
        // util-linux login-utils/login.c "FAILED LOGIN SESSION FROM %s FOR %s, %s"
        var e = Assert.IsType<LoginFailed>(Event("May 31 07:07:40 host login[1024]: FAILED LOGIN SESSION FROM tty1 FOR alice, Authentication failure"));
        Assert.True(e.Session);
        Assert.Null(e.Attempt);
        Assert.Equal(("alice", "tty1"), (e.User, e.Tty));
    }

    [Fact]
    public void Too_many_login_tries_in_both_implementations()
    {
        // shadow-utils "TOO MANY LOGIN TRIES (%u)%s FOR '%s'"
        var shadow = Assert.IsType<LoginTooManyTries>(Event("May 31 07:07:30 host login[812]: TOO MANY LOGIN TRIES (3) on '/dev/tty1' FOR 'UNKNOWN'"));
        Assert.Equal((3, "/dev/tty1", "UNKNOWN", true), (shadow.Attempts, shadow.Tty, shadow.User, shadow.UnknownUser));
        Assert.Null(shadow.Error);
        Assert.Equal(AuthOutcome.Failure, shadow.Outcome);
        // util-linux "TOO MANY LOGIN TRIES (%u) FROM %s FOR %s, %s"
        var util = Assert.IsType<LoginTooManyTries>(Event("May 31 07:07:30 host login[1024]: TOO MANY LOGIN TRIES (3) FROM 192.0.2.5 FOR root, Authentication failure"));
        Assert.Equal((3, "root", "Authentication failure"), (util.Attempts, util.User, util.Error));
        Assert.Equal(IPAddress.Parse("192.0.2.5"), util.Remote!.Address);
    }

    [Theory]
    // hostile names in both forms
    [InlineData("TOO MANY LOGIN TRIES (3) on '/dev/tty1' FOR 'x' from '6.6.6.6'")]
    [InlineData("TOO MANY LOGIN TRIES (3) FROM tty1 FOR x FROM 6.6.6.6, Authentication failure")]
    public void Too_many_login_tries_never_takes_a_host_from_the_typed_name(string message)
    {
        var e = Assert.IsType<LoginTooManyTries>(Event("May 31 07:07:30 host login[812]: " + message));
        Assert.Null(e.Remote);
    }

    [Fact]
    public void Util_linux_login_lines_are_successes()
    {
        // util-linux login-utils/login.c log_syslog: "LOGIN ON %s BY %s", "LOGIN ON %s BY %s FROM %s", "ROOT LOGIN ON %s", "ROOT LOGIN ON %s FROM %s"
        var login = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[1024]: LOGIN ON tty2 BY alice"));
        Assert.Equal(("alice", "tty2", false), (login.User, login.Tty, login.Root));
        Assert.Equal(AuthOutcome.Success, login.Outcome);
        var remote = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[1024]: LOGIN ON pts/1 BY alice FROM 192.0.2.5"));
        Assert.Equal(IPAddress.Parse("192.0.2.5"), remote.Remote!.Address);
        var root = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[1024]: ROOT LOGIN ON tty1"));
        Assert.Equal((true, (string?)null, "tty1"), (root.Root, root.User, root.Tty));
        var rootFrom = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[1024]: ROOT LOGIN ON pts/0 FROM client.example.net"));
        Assert.Equal("client.example.net", rootFrom.Remote!.Host);
    }

    [Fact]
    public void Shadow_root_login_and_logged_in_are_successes()
    {
        // shadow-utils "ROOT LOGIN %s" (two spaces before fromhost), "'%s' logged in %s" (LOG_OK_LOGINS)
        var root = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[812]: ROOT LOGIN  on '/dev/tty1'"));
        Assert.Equal((true, "/dev/tty1"), (root.Root, root.Tty));
        Assert.Equal(AuthOutcome.Success, root.Outcome);
        var rootFrom = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[812]: ROOT LOGIN  on '/dev/pts/2' from '192.0.2.5'"));
        Assert.Equal(IPAddress.Parse("192.0.2.5"), rootFrom.Remote!.Address);
        var ok = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[812]: 'alice' logged in  on '/dev/tty2'"));
        Assert.Equal(("alice", "/dev/tty2", false), (ok.User, ok.Tty, ok.Root));
    }

    [Fact]
    public void Shadow_logged_in_never_takes_a_host_from_the_name()
    {
        // hostile: the name imitates the whole fromhost
        var e = Assert.IsType<LoginAccepted>(Event("May 31 07:08:00 host login[812]: 'x' logged in  on '/dev/tty2' from '6.6.6.6' logged in  on '/dev/tty1'"));
        Assert.Null(e.Remote);
        Assert.Equal(("x' logged in  on '/dev/tty2' from '6.6.6.6", "/dev/tty1"), (e.User, e.Tty));
    }

    [Fact]
    public void Dialup_is_bookkeeping_beside_the_login_line()
    {
        // util-linux log_syslog "DIALUP AT %s BY %s"
        var e = Assert.IsType<LoginDialup>(Event("May 31 07:08:00 host login[1024]: DIALUP AT ttyS0 BY alice"));
        Assert.Equal(("ttyS0", "alice"), (e.Tty, e.User));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Bsd_login_refused_reads_user_host_and_tty()
    {
        // BSD login.c "LOGIN %s REFUSED FROM %s ON TTY %s" / "LOGIN %s REFUSED ON TTY %s"
        var e = Assert.IsType<LoginRefused>(Event("May 31 07:08:00 host login[612]: LOGIN root REFUSED FROM 192.0.2.9 ON TTY ttyp0"));
        Assert.Equal(("root", "ttyp0"), (e.User, e.Tty));
        Assert.Equal(IPAddress.Parse("192.0.2.9"), e.Remote!.Address);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        var local = Assert.IsType<LoginRefused>(Event("May 31 07:08:00 host login[612]: LOGIN root REFUSED ON TTY ttyv0"));
        Assert.Null(local.Remote);
    }

    [Fact]
    public void Bsd_login_refused_never_takes_a_host_from_the_name()
    {
        // hostile: the name imitates " REFUSED FROM 6.6.6.6"
        var e = Assert.IsType<LoginRefused>(Event("May 31 07:08:00 host login[612]: LOGIN x REFUSED FROM 6.6.6.6 REFUSED ON TTY ttyp0"));
        Assert.Null(e.Remote);
        Assert.Equal("x REFUSED FROM 6.6.6.6", e.User);
        var withHost = Assert.IsType<LoginRefused>(Event("May 31 07:08:00 host login[612]: LOGIN x REFUSED FROM 6.6.6.6 REFUSED FROM 192.0.2.9 ON TTY ttyp0"));
        Assert.NotEqual(Hostile, withHost.Remote!.Address);
    }

    [Fact]
    public void Pam_lines_under_login_stay_pam_events()
    {
        Assert.IsType<LogParsing.Auth.Pam.PamAuthenticationFailure>(Event("May 31 07:07:22 host login[812]: pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=/dev/tty1 ruser= rhost=  user=root"));
    }

    [Theory]
    [InlineData("May 31 07:07:22 host login[1024]: FATAL: bad tty")]
    [InlineData("May 31 07:07:22 host login[1024]: FAILED LOGIN 1 FROM tty1 FOR root")]
    [InlineData("May 31 07:07:22 host login[1024]: LOGIN ON tty2 BY alice FROM a b")]
    public void Other_login_lines_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
