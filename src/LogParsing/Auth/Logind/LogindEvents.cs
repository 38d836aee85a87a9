namespace LogParsing.Auth.Logind;

/// <summary>
/// <c>New session 6 of user root.</c> (or, in newer systemd, <c>New session '6' of user 'root' with class 'user' and type 'tty'.</c>):
/// logind registered a login session for <see cref="AuthEvent.User"/>. Sessions of class <c>background</c> (cron) are logged at debug level only.
/// </summary>
public sealed record LogindNewSession : AuthEvent
{
    /// <summary>The session id: <c>6</c>, or <c>c1</c> for sessions without an audit session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session class (<c>user</c>, <c>greeter</c>, <c>manager</c>...), when the line gives it.</summary>
    public string? Class { get; init; }

    /// <summary>The session type (<c>tty</c>, <c>x11</c>, <c>wayland</c>, <c>unspecified</c>...), when the line gives it.</summary>
    public string? Type { get; init; }

    /// <summary>Success: a session was opened.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary><c>Session 8 logged out. Waiting for processes to exit.</c>: the session is closing but processes remain (added in 2018, systemd PR #9160; written only when they are not killed).</summary>
public sealed record LogindSessionLoggedOut : AuthEvent
{
    /// <summary>The session id.</summary>
    public required string SessionId { get; init; }
}

/// <summary><c>Removed session 6.</c>: the session is gone.</summary>
public sealed record LogindSessionRemoved : AuthEvent
{
    /// <summary>The session id.</summary>
    public required string SessionId { get; init; }
}

/// <summary><c>New seat seat0.</c>: logind found a seat (at start-up; <c>logind-seat.c</c> <c>seat_start</c>).</summary>
public sealed record LogindNewSeat : AuthEvent
{
    /// <summary>The seat: <c>seat0</c>.</summary>
    public required string Seat { get; init; }
}

/// <summary><c>Watching system buttons on /dev/input/event2 (AT Translated Set 2 keyboard)</c>: logind listens to an input device for power, sleep and lid keys.</summary>
public sealed record LogindWatchingButtons : AuthEvent
{
    /// <summary>The device: <c>/dev/input/event0</c>.</summary>
    public required string Device { get; init; }

    /// <summary>The device's name as the kernel gives it: <c>Power Button</c>, <c>AT Translated Set 2 keyboard</c>.</summary>
    public required string Name { get; init; }
}

/// <summary><c>Power key pressed short.</c> (also <c>long</c>, and the <c>Reboot</c>, <c>Suspend</c>, <c>Hibernate</c> keys): logind saw a key it handles.</summary>
public sealed record LogindKeyPressed : AuthEvent
{
    /// <summary>The key as written: <c>Power</c>, <c>Reboot</c>, <c>Suspend</c>, <c>Hibernate</c>.</summary>
    public required string Key { get; init; }

    /// <summary>True for a long press (<c>pressed long.</c>), false for a short one.</summary>
    public bool Long { get; init; }
}

/// <summary><c>Lid closed.</c></summary>
public sealed record LogindLidClosed : AuthEvent;

/// <summary><c>Lid opened.</c></summary>
public sealed record LogindLidOpened : AuthEvent;

/// <summary><c>System is rebooting.</c> / <c>System is powering down.</c>: logind is carrying out a shutdown.</summary>
public sealed record LogindShutdown : AuthEvent
{
    /// <summary>True for <c>System is rebooting.</c>, false for <c>System is powering down.</c></summary>
    public bool Reboot { get; init; }
}

/// <summary><c>Operation 'sleep' finished.</c>: a shutdown or sleep operation logind started has ended (<c>logind-dbus.c</c> <c>match_job_removed</c>).</summary>
public sealed record LogindOperationFinished : AuthEvent
{
    /// <summary>The operation as written: <c>sleep</c>, <c>shutdown</c>.</summary>
    public required string Operation { get; init; }
}

/// <summary><c>Suspending...</c>: logind is putting the system to sleep.</summary>
public sealed record LogindSuspending : AuthEvent;
