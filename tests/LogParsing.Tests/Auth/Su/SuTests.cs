using LogParsing.Auth.Pam;
using LogParsing.Auth.Su;

namespace LogParsing.Tests.Auth.Su;

public class SuTests
{
    private static AuthEvent Event(string line) => AuthLogParser.Default.Parse(line).Event;

    [Fact]
    public void Su_session_yields_caller_target_and_tty()
    {
        var e = Assert.IsType<SuSession>(Event("Mar  6 06:20:11 host su[1205]: (to root) alice on pts/0"));
        Assert.Equal(("alice", "root", "pts/0"), (e.User, e.Target, e.Tty));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Failed_su_is_a_failure_for_the_caller()
    {
        var e = Assert.IsType<SuFailed>(Event("Mar  6 06:21:40 host su: FAILED SU (to root) alice on pts/0"));
        Assert.Equal(("alice", "root", "pts/0"), (e.User, e.Target, e.Tty));
        Assert.False(e.Runuser);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Failed_runuser_is_flagged()
    {
        var e = Assert.IsType<SuFailed>(Event("Mar  6 06:21:40 host runuser: FAILED RUNUSER (to postgres) root on none"));
        Assert.True(e.Runuser);
        Assert.Equal(("root", "postgres"), (e.User, e.Target));
        Assert.Null(e.Tty);
    }

    [Fact]
    public void Empty_caller_and_no_terminal_are_null()
    {
        var e = Assert.IsType<SuSession>(Event("Mar  6 06:22:00 host su: (to root)  on none"));
        Assert.Null(e.User);
        Assert.Null(e.Tty);
        Assert.Equal("root", e.Target);
    }

    [Fact]
    public void Shadow_su_forms_are_read()
    {
        var ok = Assert.IsType<SuSession>(Event("Jan 10 09:00:01 old su[311]: Successful su for root by alice"));
        Assert.Equal(("alice", "root", (string?)null), (ok.User, ok.Target, ok.Tty));
        var plus = Assert.IsType<SuSession>(Event("Jan 10 09:00:01 old su[311]: + pts/0 alice:root"));
        Assert.Equal(("alice", "root", "pts/0"), (plus.User, plus.Target, plus.Tty));
        var failed = Assert.IsType<SuFailed>(Event("Jan 10 09:00:09 old su[312]: FAILED su for root by alice"));
        Assert.Equal(("alice", "root"), (failed.User, failed.Target));
        var minus = Assert.IsType<SuFailed>(Event("Jan 10 09:00:09 old su[312]: - pts/0 alice:root"));
        Assert.Equal(("alice", "root", "pts/0"), (minus.User, minus.Target, minus.Tty));
    }

    [Fact]
    public void Unknown_names_written_as_question_marks_are_null()
    {
        var e = Assert.IsType<SuFailed>(Event("Jan 10 09:00:09 old su[312]: - ??? ???:root"));
        Assert.Null(e.User);
        Assert.Null(e.Tty);
    }

    [Fact]
    public void Pam_lines_under_su_stay_pam_events()
    {
        Assert.IsType<PamSessionOpened>(Event("2025-05-20T21:41:11.449974+05:30 kali su[1205]: pam_unix(su:session): session opened for user root(uid=0) by (uid=0)"));
    }

    [Theory]
    [InlineData("Mar  6 06:22:00 host su: (to root) alice on")]
    [InlineData("Mar  6 06:22:00 host su: (to root) alice on pts/0 extra")]
    [InlineData("Mar  6 06:22:00 host su: Authentication failure")]
    public void Other_su_lines_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
