using LogParsing.Auth.Cron;
using LogParsing.Auth.Pam;

namespace LogParsing.Tests;

public class PamCronTests
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
        // Under sshd the same attempt is counted by sshd's own "Failed password" line (fail2ban treats this one as a helper).
        Assert.Equal(AuthOutcome.None, e.Outcome);
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
    public void Cron_command_keeps_parentheses_in_the_command()
    {
        var e = Assert.IsType<CronCommand>(Event("CRON[535375]", "(root) CMD (  [ -x /usr/lib/php5/sessionclean ] && (/usr/lib/php5/sessionclean))"));
        Assert.Equal("root", e.User);
        Assert.Equal("  [ -x /usr/lib/php5/sessionclean ] && (/usr/lib/php5/sessionclean)", e.Command);
    }

    [Fact]
    public void Cron_other_actions()
    {
        var e = Assert.IsType<CronAction>(Event("crond[1]", "(CRON) STARTUP (1.5.7)"));
        Assert.Equal(("CRON", "STARTUP", "1.5.7"), (e.User, e.Action, e.Detail));
        Assert.IsType<CronCommand>(Event("CROND[9]", "(alice) CMD (run-parts /etc/cron.hourly)"));
    }
}
