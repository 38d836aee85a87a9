using Pidgin;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Logind;

/// <summary>
/// systemd-logind's session lines (<c>src/login/logind-session.c</c>), and its seat, button, lid and shutdown lines
/// (<c>logind-seat.c</c>, <c>logind-button.c</c>, <c>logind-dbus.c</c>), read as harmless events.
/// </summary>
public static class LogindGrammar
{
    // "New session %s of user %s.": the user name may contain dots, so it runs to the last one
    private static readonly Parser<char, AuthEvent> NewSession =
        Parser.Map(
            (id, user) => (AuthEvent)new LogindNewSession { SessionId = id, User = user },
            Until(" of user ").Before(Literal(" of user ")),
            UntilLast(".", allowEmpty: false).Before(Literal(".")).Before(End));

    // "New session '%s' of user '%s' with class '%s' and type '%s'." (newer systemd)
    private static readonly Parser<char, AuthEvent> NewQuotedSession =
        Parser.Map(
            (id, user, @class, type) => (AuthEvent)new LogindNewSession { SessionId = id, User = user, Class = @class, Type = type },
            Until("' of user '").Before(Literal("' of user '")),
            Until("' with class '").Before(Literal("' with class '")),
            Until("' and type '", intern: true).Before(Literal("' and type '")),
            Until("'.", intern: true).Before(Literal("'.")).Before(End));

    // "Session %s logged out. Waiting for processes to exit."
    private static readonly Parser<char, AuthEvent> LoggedOut =
        Until(" logged out. ").Before(Literal(" logged out. Waiting for processes to exit.")).Before(End)
            .Select(id => (AuthEvent)new LogindSessionLoggedOut { SessionId = id });

    // "Removed session %s."
    private static readonly Parser<char, AuthEvent> Removed =
        Until(".").Before(Literal(".")).Before(End)
            .Select(id => (AuthEvent)new LogindSessionRemoved { SessionId = id });

    // "New seat %s." (logind-seat.c seat_start)
    private static readonly Parser<char, AuthEvent> NewSeat =
        Until(".", intern: true).Before(Literal(".")).Before(End).Select(seat => (AuthEvent)new LogindNewSeat { Seat = seat });

    // "Watching system buttons on %s (%s)" (logind-button.c button_open): the device path, the kernel's name for it (which may hold parentheses)
    private static readonly Parser<char, AuthEvent> WatchingButtons =
        Parser.Map(
            (device, name) => (AuthEvent)new LogindWatchingButtons { Device = device, Name = name },
            Until(" (").Before(Literal(" (")),
            UntilLast(")", intern: true).Before(Literal(")")).Before(End));

    // "%s key pressed short." / "%s key pressed long." for Power, Reboot, Suspend, Hibernate (logind-button.c button_dispatch and
    // the long-press handlers)
    private static Parser<char, AuthEvent> KeyPressed(string key) =>
        Switch(
            (" key pressed short.", End.ThenReturn((AuthEvent)new LogindKeyPressed { Key = key, Long = false })),
            (" key pressed long.", End.ThenReturn((AuthEvent)new LogindKeyPressed { Key = key, Long = true })));

    // "Operation '%s' finished." (logind-dbus.c match_job_removed)
    private static readonly Parser<char, AuthEvent> OperationFinished =
        Until("' finished.", intern: true).Before(Literal("' finished.")).Before(End).Select(op => (AuthEvent)new LogindOperationFinished { Operation = op });

    private static readonly AuthEvent LidClosed = new LogindLidClosed(), LidOpened = new LogindLidOpened(), Suspending = new LogindSuspending();
    private static readonly AuthEvent Rebooting = new LogindShutdown { Reboot = true }, PoweringDown = new LogindShutdown { Reboot = false };

    /// <summary>A whole logind line: new session, logged out, removed; a seat, buttons, keys, the lid, a shutdown or sleep.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        ("New session '", NewQuotedSession),
        ("New session ", NewSession),
        ("Session ", LoggedOut),
        ("Removed session ", Removed),
        ("New seat ", NewSeat),
        ("Watching system buttons on ", WatchingButtons),
        ("Power", KeyPressed("Power")),
        ("Reboot", KeyPressed("Reboot")),
        ("Suspend", KeyPressed("Suspend")),
        ("Hibernate", KeyPressed("Hibernate")),
        // "Lid closed." / "Lid opened." (logind-button.c)
        ("Lid closed.", End.ThenReturn(LidClosed)),
        ("Lid opened.", End.ThenReturn(LidOpened)),
        // "System is rebooting." / "System is powering down." (SD_MESSAGE_SHUTDOWN; as real logs show them, not read in source)
        ("System is rebooting.", End.ThenReturn(Rebooting)),
        ("System is powering down.", End.ThenReturn(PoweringDown)),
        ("Operation '", OperationFinished),
        // "Suspending..." (as real logs show it, not read in source)
        ("Suspending...", End.ThenReturn(Suspending)));
}
