using LogParsing.Auth.Logind;

namespace LogParsing.Tests.Auth.Logind;

public class LogindTests
{
    private static AuthEvent Event(string message) =>
        AuthLogParser.Default.Parse($"Mar  6 06:19:54 host systemd-logind[411]: {message}").Event;

    [Fact]
    public void New_session_yields_session_id_and_user()
    {
        var e = Assert.IsType<LogindNewSession>(Event("New session 6 of user root."));
        Assert.Equal(("6", "root"), (e.SessionId, e.User));
        Assert.Null(e.Class);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Session_ids_are_strings_and_user_names_may_hold_dots()
    {
        var e = Assert.IsType<LogindNewSession>(Event("New session c43046 of user first.last."));
        Assert.Equal(("c43046", "first.last"), (e.SessionId, e.User));
    }

    [Fact]
    public void Quoted_new_session_of_newer_systemd_yields_class_and_type()
    {
        var e = Assert.IsType<LogindNewSession>(Event("New session '12' of user 'alice' with class 'user' and type 'tty'."));
        Assert.Equal(("12", "alice", "user", "tty"), (e.SessionId, e.User, e.Class, e.Type));
    }

    [Fact]
    public void Logged_out_and_removed_yield_the_session_id()
    {
        Assert.Equal("8", Assert.IsType<LogindSessionLoggedOut>(Event("Session 8 logged out. Waiting for processes to exit.")).SessionId);
        Assert.Equal("c1", Assert.IsType<LogindSessionRemoved>(Event("Removed session c1.")).SessionId);
    }

    [Theory]
    [InlineData("New seat seat0.")]
    [InlineData("Watching system buttons on /dev/input/event0 (Power Button)")]
    [InlineData("New session 6 of user root")]
    public void Other_logind_lines_are_unrecognized(string message) => Assert.IsType<UnrecognizedEvent>(Event(message));
}
