using Pidgin;
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

    [Fact]
    public void Bsd_bad_su_is_a_failure_with_the_terminal_path()
    {
        // FreeBSD usr.bin/su/su.c: syslog(LOG_AUTH|LOG_WARNING, "BAD SU %s to %s%s", username, user, ontty())
        var e = Assert.IsType<SuFailed>(Event("May 31 07:07:22 bsd su: BAD SU alice to root on /dev/ttyp0"));
        Assert.Equal(("alice", "root", "/dev/ttyp0"), (e.User, e.Target, e.Tty));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Bsd_su_success_with_and_without_a_terminal()
    {
        // FreeBSD su.c: syslog(LOG_NOTICE|LOG_AUTH, "%s to %s%s", username, user, ontty()); ontty() is "" without a terminal
        var tty = Assert.IsType<SuSession>(Event("May 31 07:07:30 bsd su: alice to root on /dev/pts/1"));
        Assert.Equal(("alice", "root", "/dev/pts/1"), (tty.User, tty.Target, tty.Tty));
        var none = Assert.IsType<SuSession>(Event("May 31 07:07:30 bsd su: alice to root"));
        Assert.Equal(("alice", "root", (string?)null), (none.User, none.Target, none.Tty));
        Assert.Equal(AuthOutcome.None, none.Outcome);
    }

    [Fact]
    public void Bsd_target_typed_with_the_format_words_keeps_the_caller_and_terminal()
    {
        // the new user is su's argument, typed by the caller; the caller is a login name (one word) and ontty() a /dev path
        var e = Assert.IsType<SuFailed>(Event("May 31 07:07:22 bsd su: BAD SU mallory to x to root on pts/9 on /dev/ttyp0"));
        Assert.Equal(("mallory", "x to root on pts/9", "/dev/ttyp0"), (e.User, e.Target, e.Tty));
        var plain = Assert.IsType<SuSession>(Event("May 31 07:07:22 bsd su: mallory to root on tty1"));
        Assert.Equal(("mallory", "root on tty1", (string?)null), (plain.User, plain.Target, plain.Tty));
    }

    [Fact]
    public void Util_linux_target_typed_with_the_format_words_keeps_the_caller_and_terminal()
    {
        // su-common.c log_syslog "%s(to %s) %s on %s": the new user is typed; the old user and the tty hold no ") " or space
        var e = Assert.IsType<SuFailed>(Event("Mar  6 06:21:40 host su[88]: FAILED SU (to x) bob on pts/7) mallory on pts/0"));
        Assert.Equal(("mallory", "x) bob on pts/7", "pts/0"), (e.User, e.Target, e.Tty));
    }

    [Fact]
    public void Shadow_target_typed_with_by_keeps_the_caller()
    {
        // shadow libmisc/sulog.c "FAILED su for %s by %s": the new user is typed, the old user a passwd name
        var e = Assert.IsType<SuFailed>(Event("Jan 10 09:00:09 old su[312]: FAILED su for root by bob by mallory"));
        Assert.Equal(("mallory", "root by bob"), (e.User, e.Target));
    }

    [Theory]
    // shadow src/su.c: SYSLOG ((LOG_ERR, "pam_authenticate: %s", pam_strerror (pamh, ret))) and its siblings
    [InlineData("pam_authenticate: Authentication failure", "pam_authenticate", "Authentication failure", AuthOutcome.Failure)]
    [InlineData("pam_acct_mgmt: User account has expired", "pam_acct_mgmt", "User account has expired", AuthOutcome.Failure)]
    [InlineData("pam_open_session: System error", "pam_open_session", "System error", AuthOutcome.None)]
    public void Shadow_su_pam_errors_are_read_by_the_su_grammar(string message, string function, string error, AuthOutcome outcome)
    {
        // Read with SuGrammar.Body itself: through the dispatch, the PAM family's "pam_" message claim takes these lines first.
        var e = Assert.IsType<SuPamError>(SuGrammar.Body.Before(Pidgin.Parser<char>.End).ParseOrThrow(message));
        Assert.Equal((function, error, outcome), (e.Function, e.Error, e.Outcome));
        Assert.Null(e.User);
    }

    [Theory]
    [InlineData("Mar  6 06:22:00 host su: (to root) alice on")]
    [InlineData("Mar  6 06:22:00 host su: (to root) alice on pts/0 extra")]
    [InlineData("Mar  6 06:22:00 host su: Authentication failure")]
    [InlineData("Mar  6 06:22:00 host su: su session not logged to /var/log/sulog")]
    public void Other_su_lines_are_unrecognized(string line) => Assert.IsType<UnrecognizedEvent>(Event(line));
}
