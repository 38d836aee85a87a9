using LogParsing.Auth.Pam;

namespace LogParsing.Tests;

public class PamExtraTests
{
    private static AuthEvent Event(string program, string message) =>
        AuthLogParser.Default.Parse($"Feb 22 16:45:26 slave22 {program}: {message}").Event;

    [Fact]
    public void More_authentication_failures_summary()
    {
        var e = Assert.IsType<PamMoreFailures>(Event("sshd[2738]", "PAM 4 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106  user=root"));
        Assert.Equal((4, "root", "202.109.143.106"), (e.Count, e.User, e.Remote!.Host));
        Assert.Equal(AuthOutcome.None, e.Outcome);
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
    public void Faillock_and_systemd_lines_are_unrecognized_with_the_header_parsed()
    {
        Assert.IsType<UnrecognizedEvent>(Event("sshd[1]", "pam_faillock(sshd:auth): User unknown"));
        Assert.IsType<UnrecognizedEvent>(Event("sshd[1]", "pam_systemd(sshd:session): Failed to release session: Interrupted system call"));
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
