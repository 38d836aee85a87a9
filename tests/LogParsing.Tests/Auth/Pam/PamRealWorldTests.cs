using LogParsing.Analysis;
using LogParsing.Auth.Pam;

namespace LogParsing.Tests.Auth.Pam;

/// <summary>
/// PAM lines as real servers write them: trailing spaces, linux-pam 0.7x tags, modules beyond pam_unix. Forms from the
/// linux-pam sources named on each case (modules/*/...c), notes in research/openssh-pam-forms.md.
/// </summary>
public class PamRealWorldTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void Failure_of_an_unknown_user_ending_in_a_space_is_read()
    {
        // support.c: "rhost=%s %s%s" with the user part empty: the line ends in the space after rhost.
        const string line = "Jun 14 09:12:40 web sshd[1204]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9 ";
        var entry = Entry(line);
        var e = Assert.IsType<PamAuthenticationFailure>(entry.Event);
        Assert.Equal(("203.0.113.9", "ssh", (string?)null), (e.Rhost, e.Tty, e.User));
        Assert.Equal("203.0.113.9", e.Remote?.Host);
        Assert.EndsWith("rhost=203.0.113.9 ", entry.Message);
    }

    [Fact]
    public void Pam_user_is_the_rest_of_the_line_and_never_moves_the_host()
    {
        // The client chooses user=: "x rhost=6.6.6.6" is a name there, rhost= is the one sshd set before it.
        var e = Assert.IsType<PamAuthenticationFailure>(Entry(
            "Jun 14 09:12:40 web sshd[1204]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=x rhost=6.6.6.6").Event);
        Assert.Equal(("203.0.113.9", "x rhost=6.6.6.6"), (e.Remote?.Host, e.User));
    }

    [Fact]
    public void Old_linux_pam_tag_gives_the_modern_event()
    {
        // linux-pam 0.7x support.c _log_err: openlog("<service>(pam_unix)", LOG_CONS|LOG_PID, LOG_AUTH); RHEL 4.
        var entry = Entry("Jan 12 04:03:17 rhel4 sshd(pam_unix)[2917]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.44  user=root");
        Assert.Equal("sshd", entry.Program);
        Assert.Equal(2917, entry.ProcessId);
        var e = Assert.IsType<PamAuthenticationFailure>(entry.Event);
        Assert.Equal(("pam_unix", "sshd", "auth", "root", "NODEVssh", "192.0.2.44"), (e.Module, e.Service, e.Type, e.User, e.Tty, e.Remote?.Host));
        Assert.StartsWith("authentication failure; ", entry.Message);
    }

    [Theory]
    [InlineData("su(pam_unix)[1234]: session opened for user root by alice(uid=500)", "su", typeof(PamSessionOpened), "session")]
    [InlineData("login(pam_unix)[2201]: session closed for user alice", "login", typeof(PamSessionClosed), "session")]
    [InlineData("gdm(pam_unix)[3011]: authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost=  user=bob", "gdm", typeof(PamAuthenticationFailure), "auth")]
    [InlineData("vsftpd(pam_unix)[4410]: check pass; user unknown", "vsftpd", typeof(PamUserUnknown), "auth")]
    [InlineData("passwd(pam_unix)[5120]: password changed for alice", "passwd", typeof(PamPasswordChanged), "chauthtok")]
    public void Old_tags_of_every_service_infer_the_type(string rest, string service, Type type, string group)
    {
        var entry = Entry("Jan 12 04:03:17 rhel4 " + rest);
        Assert.Equal(service, entry.Program);
        Assert.IsType(type, entry.Event);
        var e = (PamEvent)entry.Event;
        Assert.Equal((service, "pam_unix", group), (e.Service, e.Module, e.Type));
    }

    [Fact]
    public void Old_more_failures_line_has_no_pam_prefix()
    {
        // 0.7x support.c: "%d more authentication failure%s; logname=%s ..." under the service(pam_unix) ident.
        var entry = Entry("Jan 12 04:03:20 rhel4 sshd(pam_unix)[2917]: 2 more authentication failures; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.44  user=root");
        var e = Assert.IsType<PamMoreFailures>(entry.Event);
        Assert.Equal((2, "root", "192.0.2.44"), (e.Count, e.User, e.Remote?.Host));
        Assert.Equal(0, AttemptCounting.Default.FailedAttempts(entry));
    }

    [Fact]
    public void Faillock_and_tally2_locks_are_failures()
    {
        // pam_faillock.c write_tally; pam_tally2.c tally_check
        var locked = Assert.IsType<PamAccountLocked>(Entry("Sep 28 11:15:41 ubu login[5200]: pam_faillock(login:auth): Consecutive login failures for user mjones account temporarily locked").Event);
        Assert.Equal(("mjones", "pam_faillock", AuthOutcome.Failure), (locked.User, locked.Module, locked.Outcome));
        var tally = Assert.IsType<PamAccountLocked>(Entry("Mar  2 10:11:12 host sshd[2211]: pam_tally2(sshd:auth): user root (0) tally 7, deny 5").Event);
        Assert.Equal(("root", (int?)0, (int?)7, (int?)5), (tally.User, tally.Uid, tally.Tally, tally.Deny));
    }

    [Fact]
    public void Securetty_refusal_is_read_under_both_tags()
    {
        // pam_securetty.c: "access denied: tty '%s' is not secure !"; 0.7x openlog("PAM-securetty", ...)
        var modern = Assert.IsType<PamAccessDenied>(Entry("Jan  3 08:14:02 host login[812]: pam_securetty(login:auth): access denied: tty 'ttyS0' is not secure !").Event);
        Assert.Equal(("ttyS0", "login", AuthOutcome.Failure), (modern.Tty, modern.Service, modern.Outcome));
        var old = Entry("Jan  3 08:14:02 host PAM-securetty[1234]: access denied: tty 'pts/0' is not secure !");
        Assert.Equal(("pts/0", "pam_securetty"), (Assert.IsType<PamAccessDenied>(old.Event).Tty, ((PamEvent)old.Event).Module));
    }

    [Fact]
    public void Pam_access_reads_the_origin_after_the_last_from()
    {
        // pam_access.c: "access denied for user `%s' from `%s'"; the user is the client's.
        var e = Assert.IsType<PamAccessDenied>(Entry("Jan  3 08:14:02 host sshd[99]: pam_access(sshd:account): access denied for user `bob' from `6.6.6.6' from `203.0.113.7'").Event);
        Assert.Equal(("bob' from `6.6.6.6", "203.0.113.7"), (e.User, e.From));
    }

    [Theory]
    // pam_listfile.c "Refused user %s for service %s"; pam_limits.c "Too many logins (max %d) for %s"; pam_unix_auth.c "bad username [%s]"
    [InlineData("pam_listfile(sshd:auth): Refused user bob for service sshd", typeof(PamAccessDenied), "bob")]
    [InlineData("pam_limits(sshd:session): Too many logins (max 2) for bob", typeof(PamAccessDenied), "bob")]
    [InlineData("pam_unix(sshd:auth): bad username [-x]", typeof(PamBadUsername), "-x")]
    [InlineData("pam_faillock(sshd:auth): User unknown: bob", typeof(PamUserUnknown), "bob")]
    public void Refusals_of_other_modules_are_failures_naming_the_user(string message, Type type, string user)
    {
        var e = Entry("Jan  3 08:14:02 host sshd[99]: " + message).Event;
        Assert.IsType(type, e);
        Assert.Equal((user, AuthOutcome.Failure), (e.User, e.Outcome));
    }

    [Theory]
    // pam_systemd.c, pam_env.c, pam_unix_acct.c: harmless, known lines (None)
    [InlineData("pam_systemd(sudo:session): Cannot create session: Already running in a session or user slice", typeof(PamSystemdSessionError))]
    [InlineData("pam_systemd(sshd:session): Failed to create session: Connection timed out", typeof(PamSystemdSessionError))]
    [InlineData("pam_env(sshd:session): Unable to open env file: /etc/default/locale: No such file or directory", typeof(PamEnvFileError))]
    [InlineData("pam_unix(sshd:account): account otusadm has password changed in future", typeof(PamPasswordChangedInFuture))]
    public void Harmless_module_lines_are_known_events(string message, Type type)
    {
        var e = Entry("Dec 22 16:12:28 server sudo[6369]: " + message).Event;
        Assert.IsType(type, e);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Outcomes_say_what_happened_and_counting_counts_the_attempt_once()
    {
        var failure = Entry("Jun 14 09:12:40 web sshd[1204]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.9  user=root");
        Assert.Equal(AuthOutcome.Failure, failure.Event.Outcome);
        Assert.Equal(0, AttemptCounting.Default.FailedAttempts(failure));
        var su = Entry("Jun 14 09:12:40 web su[1204]: pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 tty=pts/0 ruser=alice rhost=  user=root");
        Assert.Equal(1, AttemptCounting.Default.FailedAttempts(su));
        var cron = Entry("Jun 14 09:17:01 web CRON[1300]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)");
        Assert.Equal((AuthOutcome.Success, 0), (cron.Event.Outcome, AttemptCounting.Default.Logins(cron)));
    }
}
