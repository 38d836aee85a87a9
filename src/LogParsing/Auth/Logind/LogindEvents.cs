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
