using LogParsing.Auth.Pam;

namespace LogParsing.Tests.Auth.Pam;

/// <summary>
/// PAM lines under the programs that load the modules: pam_unix's session, auth and account forms, libpam's own
/// <c>PAM </c> summaries, other modules' lines, and unix_chkpwd.
/// </summary>
public class PamTests
{
    private static AuthEvent Event(string program, string message) =>
        AuthLogParser.Default.Parse($"Nov 27 05:17:01 host {program}: {message}").Event;

    [Fact]
    public void Session_opened_with_uids_linux_pam_1_4()
    {
        var e = Assert.IsType<PamSessionOpened>(Event("sudo", "pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)"));
        Assert.Equal(("pam_unix", "sudo", "session"), (e.Module, e.Service, e.Type));
        Assert.Equal(("root", 0, "alice", 1000), (e.User, e.Uid, e.By, e.ByUid));
    }

    [Fact]
    public void Session_opened_old_form_has_no_target_uid()
    {
        var e = Assert.IsType<PamSessionOpened>(Event("sshd[1556]", "pam_unix(sshd:session): session opened for user rda by (uid=0)"));
        Assert.Equal(("rda", (int?)null, (string?)null, (int?)0), (e.User, e.Uid, e.By, e.ByUid));
    }

    [Fact]
    public void Session_closed_for_user()
    {
        var e = Assert.IsType<PamSessionClosed>(Event("sshd[2805]", "pam_unix(sshd:session): session closed for user drewr"));
        Assert.Equal("drewr", e.User);
    }

    [Fact]
    public void Authentication_failure_reads_every_field_and_the_remote()
    {
        var e = Assert.IsType<PamAuthenticationFailure>(Event("sshd[1556]", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.113  user=rda"));
        Assert.Null(e.Logname);
        Assert.Equal((0, 0, "ssh"), (e.Uid, e.Euid, e.Tty));
        Assert.Null(e.Ruser);
        Assert.Equal("192.0.2.113", e.Rhost);
        Assert.Equal("rda", e.User);
        Assert.Equal("192.0.2.113", e.Remote!.Host);
        // An authentication failed, whatever program loaded the module; under sshd the attempt is counted once, by sshd's
        // own "Failed password" line (AttemptCounting, as fail2ban treats this one as a helper).
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        Assert.False(LogParsing.Analysis.AttemptCounting.Default.IsFailedAttempt(e));
    }

    [Fact]
    public void Authentication_failure_outside_sshd_is_a_failure()
    {
        var e = Assert.IsType<PamAuthenticationFailure>(Event("sudo", "pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=alice"));
        Assert.Equal(("alice", 1000, "/dev/pts/0", "alice"), (e.Logname, e.Uid, e.Tty, e.Ruser));
        Assert.Null(e.Rhost);
        Assert.Null(e.Remote);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Authentication_failure_without_user()
    {
        var e = Assert.IsType<PamAuthenticationFailure>(Event("sshd[2738]", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106"));
        Assert.Null(e.User);
        Assert.Equal("202.109.143.106", e.Rhost);
    }

    [Fact]
    public void Pam_lines_are_read_under_any_program()
    {
        var e = Assert.IsType<PamSessionOpened>(Event("systemd[2406]", "pam_unix(systemd-user:session): session opened for user root(uid=0) by (uid=0)"));
        Assert.Equal("systemd-user", e.Service);
    }

    [Fact]
    public void More_authentication_failures_summary()
    {
        var e = Assert.IsType<PamMoreFailures>(Event("sshd[2738]", "PAM 4 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106  user=root"));
        Assert.Equal((4, "root", "202.109.143.106"), (e.Count, e.User, e.Remote!.Host));
        // Failures happened; each was logged on its own line too, so the sum is not counted again.
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        Assert.False(LogParsing.Analysis.AttemptCounting.Default.IsFailedAttempt(e));
        Assert.Equal(1, Assert.IsType<PamMoreFailures>(Event("sshd[2738]", "PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106")).Count);
    }

    [Fact]
    public void Ignoring_max_retries()
    {
        var e = Assert.IsType<PamIgnoringMaxRetries>(Event("sshd[2738]", "PAM service(sshd) ignoring max retries; 5 > 3"));
        Assert.Equal(("sshd", 5, 3), (e.Service, e.Attempts, e.Maximum));
    }

    [Fact]
    public void Check_pass_user_unknown_and_requirement_not_met()
    {
        Assert.Equal("sshd", Assert.IsType<PamUserUnknown>(Event("sshd[100725]", "pam_unix(sshd:auth): check pass; user unknown")).Service);
        var req = Assert.IsType<PamRequirementNotMet>(Event("sshd[1]", "pam_succeed_if(sshd:auth): requirement \"uid >= 1000\" not met by user \"root\""));
        Assert.Equal(("uid >= 1000", "root"), (req.Requirement, req.User));
    }

    [Fact]
    public void Sss_authentication_success_outside_sshd_is_a_success()
    {
        var e = Assert.IsType<PamAuthenticationSuccess>(Event("sudo", "pam_sss(sudo:auth): authentication success; logname=alice uid=1000 euid=0 tty=/dev/pts/1 ruser=alice rhost= user=alice"));
        Assert.Equal(("pam_sss", "alice", AuthOutcome.Success), (e.Module, e.User, e.Outcome));
    }

    [Fact]
    public void Unix_chkpwd_password_check_failed()
    {
        Assert.Equal("wax", Assert.IsType<PamPasswordCheckFailed>(Event("unix_chkpwd[2681]", "password check failed for user (wax)")).User);
    }

    [Fact]
    public void Faillock_user_unknown_and_systemd_release_are_read()
    {
        // pam_faillock.c get_pam_user: "User unknown"; pam_systemd.c: "Failed to release session: %s"
        Assert.Equal("pam_faillock", Assert.IsType<PamUserUnknown>(Event("sshd[1]", "pam_faillock(sshd:auth): User unknown")).Module);
        var e = Assert.IsType<PamSystemdSessionError>(Event("sshd[1]", "pam_systemd(sshd:session): Failed to release session: Interrupted system call"));
        Assert.Equal(("Failed to release session", "Interrupted system call", AuthOutcome.None), (e.Action, e.Reason, e.Outcome));
    }

    [Fact]
    public void Account_expired_in_the_account_phase()
    {
        var e = Assert.IsType<PamAccountExpired>(Event("CRON[6413]", "pam_unix(cron:account): account root has expired (account expired)"));
        Assert.Equal(("cron", "account", "root", "account expired", AuthOutcome.Failure), (e.Service, e.Type, e.User, e.Reason, e.Outcome));
        var sshd = AuthLogParser.Default.Parse("Sep 17 16:08:04 web sshd-session[91179]: fatal: Access denied for user deploy by PAM account configuration [preauth]").Event;
        Assert.Equal(("deploy", true), (Assert.IsType<LogParsing.Auth.Sshd.SshdUserNotAllowed>(sshd).User, ((LogParsing.Auth.Sshd.SshdEvent)sshd).Preauth));
    }

    [Fact]
    public void Password_expired_and_expiring()
    {
        var expired = Assert.IsType<PamPasswordExpired>(Event("sshd[1]", "pam_unix(sshd:account): expired password for user alice (password aged)"));
        Assert.Equal(("alice", "password aged"), (expired.User, expired.Reason));
        var expiring = Assert.IsType<PamPasswordExpiring>(Event("sshd[1]", "pam_unix(sshd:account): password for user alice will expire in 5 days"));
        Assert.Equal(("alice", 5), (expiring.User, expiring.Days));
    }
}
