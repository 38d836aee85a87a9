namespace LogParsing.Auth.Login;

/// <summary>
/// A failed login at login(1)'s prompt: shadow-utils <c>FAILED LOGIN (1) on '/dev/pts/3' from 'client.example.net' FOR 'alice', Authentication failure</c>,
/// util-linux <c>FAILED LOGIN 1 FROM tty1 FOR (unknown), Authentication failure</c> or, for the last attempt of a session,
/// <c>FAILED LOGIN SESSION FROM tty1 FOR alice, Authentication failure</c>. <see cref="AuthEvent.User"/> is the name typed, as written.
/// </summary>
public sealed record LoginFailed : AuthEvent
{
    /// <summary>True when the name is the placeholder for a name that is no account: shadow's <c>'UNKNOWN'</c>, util-linux's <c>(unknown)</c>.</summary>
    public bool UnknownUser { get; init; }

    /// <summary>The terminal as written: <c>/dev/pts/3</c> (shadow), <c>tty1</c> (util-linux, when it stands in for the host); null when unknown.</summary>
    public string? Tty { get; init; }

    /// <summary>The attempt's number, <c>1</c> in <c>FAILED LOGIN 1 FROM ...</c>; null for <c>FAILED LOGIN SESSION</c>.</summary>
    public int? Attempt { get; init; }

    /// <summary>PAM's error text: <c>Authentication failure</c>, <c>User not known to the underlying authentication module</c>.</summary>
    public required string Error { get; init; }

    /// <summary>True for util-linux's <c>FAILED LOGIN SESSION FROM tty1 FOR alice, Authentication failure</c>: the last attempt, after which login exits.</summary>
    public bool Session { get; init; }

    /// <summary>Failure: <c>FAILED LOGIN (1) on '/dev/tty1' FOR 'UNKNOWN', Authentication failure</c> is a refused attempt.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// login(1) gave up after the last allowed attempt: shadow-utils <c>TOO MANY LOGIN TRIES (3) on '/dev/tty1' FOR 'UNKNOWN'</c>,
/// util-linux <c>TOO MANY LOGIN TRIES (3) FROM pts/0 FOR root, Authentication failure</c>.
/// </summary>
public sealed record LoginTooManyTries : AuthEvent
{
    /// <summary>True for the placeholders <c>'UNKNOWN'</c> (shadow) and <c>(unknown)</c> (util-linux); <see cref="AuthEvent.User"/> keeps the text.</summary>
    public bool UnknownUser { get; init; }

    /// <summary>The terminal as written: <c>/dev/tty1</c> in <c>TOO MANY LOGIN TRIES (3) on '/dev/tty1' FOR 'root'</c>.</summary>
    public string? Tty { get; init; }

    /// <summary>The attempts made, <c>3</c> in <c>TOO MANY LOGIN TRIES (3) ...</c>.</summary>
    public int Attempts { get; init; }

    /// <summary>PAM's error text of the last attempt (util-linux: <c>..., Authentication failure</c>); null for shadow, which writes none.</summary>
    public string? Error { get; init; }

    /// <summary>Failure: <c>TOO MANY LOGIN TRIES (3) on '/dev/tty1' FOR 'root'</c> is the last refused attempt.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// A login: util-linux <c>LOGIN ON tty2 BY alice</c>, <c>LOGIN ON pts/1 BY alice FROM 192.0.2.5</c>, <c>ROOT LOGIN ON tty1</c>,
/// <c>ROOT LOGIN ON pts/0 FROM 192.0.2.5</c>; shadow-utils <c>ROOT LOGIN  on '/dev/tty1'</c> and, with <c>LOG_OK_LOGINS</c>,
/// <c>'alice' logged in  on '/dev/tty2'</c>. The <c>ROOT LOGIN</c> lines name no user (the account has uid 0): <see cref="AuthEvent.User"/> is null and <see cref="Root"/> true.
/// </summary>
public sealed record LoginAccepted : AuthEvent
{
    /// <summary>True for <c>ROOT LOGIN ON tty1</c> and <c>ROOT LOGIN  on '/dev/tty1'</c>: a login of a uid 0 account.</summary>
    public bool Root { get; init; }

    /// <summary>The terminal as written: <c>tty2</c> (util-linux), <c>/dev/tty2</c> (shadow); null for shadow's <c>UNKNOWN</c>.</summary>
    public string? Tty { get; init; }

    /// <summary>Success: <c>LOGIN ON tty2 BY alice</c> is an accepted login.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// util-linux <c>DIALUP AT ttyS0 BY alice</c>: a login on a serial line, written just before the <c>LOGIN ON ttyS0 BY alice</c>
/// line of the same login (<see cref="LoginAccepted"/>).
/// </summary>
public sealed record LoginDialup : AuthEvent
{
    /// <summary>The serial terminal: <c>ttyS0</c> in <c>DIALUP AT ttyS0 BY alice</c>.</summary>
    public required string Tty { get; init; }
}

/// <summary>
/// BSD login(1) refused an account on a terminal (root on a tty that is not <c>secure</c>): <c>LOGIN root REFUSED ON TTY ttyv0</c>,
/// <c>LOGIN root REFUSED FROM 192.0.2.9 ON TTY ttyp0</c>.
/// </summary>
public sealed record LoginRefused : AuthEvent
{
    /// <summary>The terminal: <c>ttyp0</c> in <c>LOGIN root REFUSED FROM 192.0.2.9 ON TTY ttyp0</c>.</summary>
    public required string Tty { get; init; }

    /// <summary>Failure: <c>LOGIN root REFUSED ON TTY ttyv0</c> is a refused login.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}
