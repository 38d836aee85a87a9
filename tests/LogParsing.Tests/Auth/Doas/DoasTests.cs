using LogParsing.Auth.Doas;

namespace LogParsing.Tests.Auth.Doas;

public class DoasTests
{
    private static AuthEvent Event(string line) => AuthLogParser.Default.Parse(line).Event;

    [Fact]
    public void Failed_auth_is_a_failure_for_the_invoking_user()
    {
        // doas.c / OpenDoas pam.c, shadow.c "failed auth for %s" (no pid: doas calls syslog without openlog)
        var e = Assert.IsType<DoasAuthenticationFailed>(Event("May 31 07:07:22 host doas: failed auth for alice"));
        Assert.Equal("alice", e.User);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Command_not_permitted_and_the_older_wording_are_refusals()
    {
        // doas.c after 1.52 and OpenDoas "command not permitted for %s: %s"; doas.c 1.52 (2016) "failed command for %s: %s"
        var e = Assert.IsType<DoasCommandRefused>(Event("May 31 07:07:22 host doas: command not permitted for alice: rm -rf /tmp/x"));
        Assert.Equal(("alice", "rm -rf /tmp/x"), (e.User, e.Command));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        var old = Assert.IsType<DoasCommandRefused>(Event("May 31 07:07:22 host doas: failed command for alice: rm -rf /tmp/x"));
        Assert.Equal(("alice", "rm -rf /tmp/x"), (old.User, old.Command));
    }

    [Fact]
    public void Tty_required_is_a_refusal()
    {
        // doas.c "tty required for %s"
        var e = Assert.IsType<DoasTtyRequired>(Event("May 31 07:07:22 host doas: tty required for alice"));
        Assert.Equal("alice", e.User);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Ran_command_reads_user_command_target_and_directory()
    {
        // doas.c "%s ran command %s as %s from %s" (journald adds the pid)
        var e = Assert.IsType<DoasCommand>(Event("May 31 07:07:22 host doas[4242]: alice ran command apt update as root from /home/alice"));
        Assert.Equal(("alice", "apt update", "root", "/home/alice", false), (e.User, e.Command, e.Target, e.Cwd, e.Ambiguous));
        Assert.Equal(AuthOutcome.Success, e.Outcome);
    }

    [Fact]
    public void A_directory_doas_could_not_read_is_null()
    {
        // doas.c writes "(failed)" when getcwd fails
        var e = Assert.IsType<DoasCommand>(Event("May 31 07:07:22 host doas: alice ran command id as root from (failed)"));
        Assert.Null(e.Cwd);
    }

    [Fact]
    public void A_command_holding_as_and_from_is_read_to_the_last_as_and_flagged()
    {
        // hostile: the command line (user-chosen) imitates " as root from /"
        var e = Assert.IsType<DoasCommand>(Event("May 31 07:07:22 host doas: alice ran command echo as root from / as alice from /home/alice"));
        Assert.Equal(("echo as root from /", "alice", "/home/alice"), (e.Command, e.Target, e.Cwd));
        Assert.True(e.Ambiguous);
        var plain = Assert.IsType<DoasCommand>(Event("May 31 07:07:22 host doas: alice ran command cp a as b as root from /srv"));
        Assert.Equal(("cp a as b", "root", false), (plain.Command, plain.Target, plain.Ambiguous));
    }

    [Theory]
    [InlineData("May 31 07:07:22 host doas: failed auth for alice bob")]
    [InlineData("May 31 07:07:22 host doas: alice ran command ls")]
    [InlineData("May 31 07:07:22 host doas: Authorization failed")]
    public void Other_doas_lines_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
