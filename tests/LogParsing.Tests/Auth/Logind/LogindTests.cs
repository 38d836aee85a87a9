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
        Assert.Equal(AuthOutcome.Success, e.Outcome);
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

    [Fact]
    public void Quoted_new_session_is_an_opened_session()
    {
        // logind-session.c session_start, newest systemd: "New session '%s' of user '%s' with class '%s' and type '%s'."
        Assert.Equal(AuthOutcome.Success, Event("New session '3' of user 'gdm' with class 'greeter' and type 'wayland'.").Outcome);
    }

    [Fact]
    public void New_seat_and_watched_buttons_name_the_seat_and_device()
    {
        // logind-seat.c seat_start: "New seat %s."
        Assert.Equal("seat0", Assert.IsType<LogindNewSeat>(Event("New seat seat0.")).Seat);
        // logind-button.c button_open: "Watching system buttons on %s (%s)"; the kernel's device name may hold parentheses
        var power = Assert.IsType<LogindWatchingButtons>(Event("Watching system buttons on /dev/input/event0 (Power Button)"));
        Assert.Equal(("/dev/input/event0", "Power Button"), (power.Device, power.Name));
        var odd = Assert.IsType<LogindWatchingButtons>(Event("Watching system buttons on /dev/input/event5 (Logitech K400 (Unifying))"));
        Assert.Equal("Logitech K400 (Unifying)", odd.Name);
    }

    [Theory]
    // logind-button.c button_dispatch and the long-press handlers
    [InlineData("Power key pressed short.", "Power", false)]
    [InlineData("Power key pressed long.", "Power", true)]
    [InlineData("Suspend key pressed short.", "Suspend", false)]
    [InlineData("Hibernate key pressed long.", "Hibernate", true)]
    public void Key_presses_name_the_key_and_length(string message, string key, bool @long)
    {
        var e = Assert.IsType<LogindKeyPressed>(Event(message));
        Assert.Equal((key, @long), (e.Key, e.Long));
    }

    [Fact]
    public void Shutdown_and_sleep_lines_are_read()
    {
        // seen in real auth.log excerpts (SD_MESSAGE_SHUTDOWN), and logind-dbus.c match_job_removed "Operation '%s' finished."
        Assert.True(Assert.IsType<LogindShutdown>(Event("System is rebooting.")).Reboot);
        Assert.False(Assert.IsType<LogindShutdown>(Event("System is powering down.")).Reboot);
        Assert.Equal("sleep", Assert.IsType<LogindOperationFinished>(Event("Operation 'sleep' finished.")).Operation);
        Assert.IsType<LogindSuspending>(Event("Suspending..."));
    }

    [Theory]
    [InlineData("New seat seat0.")]
    [InlineData("Watching system buttons on /dev/input/event0 (Power Button)")]
    [InlineData("Power key pressed short.")]
    [InlineData("Lid closed.")]
    [InlineData("Lid opened.")]
    [InlineData("System is rebooting.")]
    [InlineData("System is powering down.")]
    [InlineData("Operation 'sleep' finished.")]
    [InlineData("Suspending...")]
    [InlineData("Session 8 logged out. Waiting for processes to exit.")]
    [InlineData("Removed session 6.")]
    public void Seat_hardware_and_bookkeeping_lines_are_harmless(string message)
    {
        var e = Event(message);
        Assert.IsNotType<UnrecognizedEvent>(e);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Theory]
    [InlineData("New session 6 of user root")]
    [InlineData("Power key pressed twice.")]
    [InlineData("Lid closed. Again.")]
    [InlineData("Operation 'sleep' finished")]
    public void Other_logind_lines_are_unrecognized(string message) => Assert.IsType<UnrecognizedEvent>(Event(message));
}
