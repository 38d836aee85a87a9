using LogParsing.Auth.Pam;
using LogParsing.Auth.Sudo;

namespace LogParsing.Tests.Auth.Sudo;

public class SudoTests
{
    private static AuthEvent Event(string line) => AuthLogParser.Default.Parse(line).Event;

    [Fact]
    public void Sudo_command_yields_user_tty_pwd_target_and_command()
    {
        var e = Assert.IsType<SudoCommand>(Event("Mar  7 18:55:02 bar sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /var/log/auth.log"));
        Assert.Equal("alice", e.User);
        Assert.Equal(("pts/0", "/home/alice", "root"), (e.Tty, e.Pwd, e.RunAs));
        Assert.Equal("/usr/bin/cat /var/log/auth.log", e.Command);
        Assert.Null(e.Reason);
        Assert.Null(e.Group);
        Assert.Null(e.Host);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void User_of_eight_characters_or_more_has_no_alignment_spaces()
    {
        var e = Assert.IsType<SudoCommand>(Event("Feb 21 23:35:33 localhost sudo: vagrant1 : TTY=pts/0 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls"));
        Assert.Equal("vagrant1", e.User);
    }

    [Fact]
    public void User_not_in_sudoers_is_a_refusal_with_reason()
    {
        var e = Assert.IsType<SudoCommand>(Event("Feb 24 00:13:02 precise32 sudo:      tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls"));
        Assert.Equal(("tsg", "user NOT in sudoers"), (e.User, e.Reason));
        Assert.Equal(("pts/1", "/home/vagrant", "root", "/bin/ls"), (e.Tty, e.Pwd, e.RunAs, e.Command));
        Assert.Null(e.IncorrectPasswordAttempts);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Theory]
    [InlineData("user NOT authorized on host")]
    [InlineData("command not allowed")]
    [InlineData("a password is required")]
    public void Every_sudoers_refusal_is_a_failure(string reason)
    {
        var e = Assert.IsType<SudoCommand>(Event($"Jun  2 10:00:00 web sudo:      bob : {reason} ; TTY=pts/2 ; PWD=/srv ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Incorrect_password_attempts_are_counted()
    {
        var e = Assert.IsType<SudoCommand>(Event("Jun  2 10:00:00 web sudo:    alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"));
        Assert.Equal(3, e.IncorrectPasswordAttempts);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        var one = Assert.IsType<SudoCommand>(Event("Jun  2 10:00:00 web sudo:    alice : 1 incorrect password attempt ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"));
        Assert.Equal(1, one.IncorrectPasswordAttempts);
    }

    [Fact]
    public void Alert_reason_with_error_text_is_kept_but_not_a_failure()
    {
        var e = Assert.IsType<SudoCommand>(Event("Jun  2 10:00:00 web sudo:    alice : unable to open /var/lib/sudo/ts/alice : Permission denied ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"));
        Assert.Equal(("unable to open /var/lib/sudo/ts/alice", "Permission denied"), (e.Reason, e.Error));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Missing_tty_is_null()
    {
        var e = Assert.IsType<SudoCommand>(Event("Dec 12 03:10:01 box sudo[407]:     root : PWD=/ ; USER=root ; COMMAND=/usr/bin/bash /home/ops/yt-v2.sh"));
        Assert.Null(e.Tty);
        Assert.Equal(("/", "root", "/usr/bin/bash /home/ops/yt-v2.sh"), (e.Pwd, e.RunAs, e.Command));
    }

    [Fact]
    public void Host_group_tsid_env_and_chroot_are_read_in_order()
    {
        var e = Assert.IsType<SudoCommand>(Event("Jun  2 10:00:00 web sudo:    alice : HOST=web ; TTY=pts/0 ; CHROOT=/srv/jail ; PWD=/home/alice ; USER=www-data ; GROUP=www-data ; TSID=00000A ; ENV=LANG=C DEBUG=1 ; COMMAND=/usr/bin/env"));
        Assert.Equal(("web", "/srv/jail", "www-data", "www-data"), (e.Host, e.Chroot, e.RunAs, e.Group));
        Assert.Equal(("00000A", "LANG=C DEBUG=1", "/usr/bin/env"), (e.Tsid, e.Env, e.Command));
    }

    [Fact]
    public void Command_runs_to_the_end_even_through_separators()
    {
        var e = Assert.IsType<SudoCommand>(Event("Jun  2 10:00:00 web sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/sh -c 'id ; USER=x ; whoami'"));
        Assert.Equal("/bin/sh -c 'id ; USER=x ; whoami'", e.Command);
        Assert.Equal("root", e.RunAs);
    }

    [Fact]
    public void Command_continued_line_yields_the_continuation()
    {
        var e = Assert.IsType<SudoCommandContinued>(Event("Jun  2 10:00:00 web sudo:    alice : (command continued) --verbose /var/tmp/x"));
        Assert.Equal(("alice", "--verbose /var/tmp/x"), (e.User, e.Text));
    }

    [Fact]
    public void Pam_lines_under_sudo_stay_pam_events()
    {
        Assert.IsType<PamSessionOpened>(Event("Jun  2 10:00:00 web sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)"));
    }

    [Theory]
    [InlineData("Jun  2 10:00:00 web sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root")]
    [InlineData("Jun  2 10:00:00 web sudo:    alice : TTY=pts/0 ; BOGUS=1 ; COMMAND=/bin/ls")]
    [InlineData("Jun  2 10:00:00 web sudo: unable to resolve host web: Name or service not known")]
    public void Lines_without_a_command_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
