namespace LogParsing.Auth.Dropbear;

/// <summary>
/// <c>Bad password attempt for 'root' from 203.0.113.7:60588</c> (old: <c>bad password attempt for ...</c>), or with PAM
/// <c>Bad PAM password attempt for 'alice' from 203.0.113.7:51022</c>: a wrong password for <see cref="AuthEvent.User"/>.
/// </summary>
public sealed record DropbearBadPassword : AuthEvent
{
    /// <summary>True for <c>Bad PAM password attempt for 'alice' from 203.0.113.7:51022</c> (a PAM build).</summary>
    public bool Pam { get; init; }

    /// <summary>
    /// True when the name is Dropbear's placeholder for a user that does not exist, as in
    /// <c>Bad PAM password attempt for '&lt;invalid username&gt;' from 203.0.113.7:51022</c>; <see cref="AuthEvent.User"/> keeps the text.
    /// </summary>
    public bool InvalidUser { get; init; }

    /// <summary>Failure: <c>Bad password attempt for 'root' from 203.0.113.7:60588</c> is a wrong password.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>Login attempt for nonexistent user from 2001:db8::5:40122</c> (old: <c>login attempt for nonexistent user from ...</c>):
/// a name that is not an account. Current Dropbear does not write the name; <see cref="AuthEvent.User"/> is set only by the
/// form with a quoted name, <c>Login attempt for nonexistent user 'oracle' from 203.0.113.7:4022</c>.
/// </summary>
public sealed record DropbearNonexistentUser : AuthEvent
{
    /// <summary>Failure: <c>Login attempt for nonexistent user from 203.0.113.7:4022</c> tried a name that does not exist.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// An accepted authentication: <c>Password auth succeeded for 'alice' from 198.51.100.4:50122</c>,
/// <c>PAM password auth succeeded for 'alice' from 198.51.100.4:50122</c>, or
/// <c>Pubkey auth succeeded for 'alice' with ssh-ed25519 key SHA256:P9szN0L2ls6KxkVv7Bppv3asnZCn03rY7Msm/c8+ZgA from 198.51.100.4:50122</c>
/// (old: <c>Pubkey auth succeeded for 'alice' with key md5 0c:9a:11:7f from 198.51.100.4:50122</c>).
/// </summary>
public sealed record DropbearAuthSucceeded : AuthEvent
{
    /// <summary>The method, as sshd names it: <c>password</c> (also with PAM) or <c>publickey</c> (<c>Pubkey auth succeeded ...</c>).</summary>
    public required string Method { get; init; }

    /// <summary>True for <c>PAM password auth succeeded for 'alice' from 198.51.100.4:50122</c>.</summary>
    public bool Pam { get; init; }

    /// <summary>The key type of the new pubkey form: <c>ssh-ed25519</c> in <c>... with ssh-ed25519 key SHA256:... from ...</c>; null otherwise.</summary>
    public string? KeyType { get; init; }

    /// <summary>The key's fingerprint as written: <c>SHA256:P9szN0L2ls6KxkVv7Bppv3asnZCn03rY7Msm/c8+ZgA</c>, or old <c>md5 0c:9a:11:7f</c>; null for passwords.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// True for <c>Password auth succeeded for 'alice' from 198.51.100.4:50122, extra auth required</c>: this method passed, but the
    /// server (<c>-t</c>, multiple methods) asks for another one before the login.
    /// </summary>
    public bool ExtraAuthRequired { get; init; }

    /// <summary>
    /// Success for <c>Password auth succeeded for 'alice' from 198.51.100.4:50122</c>; None with <see cref="ExtraAuthRequired"/>,
    /// which is not yet a login (sshd's <c>Partial</c> line is None for the same reason).
    /// </summary>
    public override AuthOutcome Outcome => ExtraAuthRequired ? AuthOutcome.None : AuthOutcome.Success;
}

/// <summary>
/// <c>Exit before auth (user 'root', 10 fails): Max auth tries reached - user 'root' from 1.2.3.4:60588</c>, or since 2020
/// <c>Exit before auth from &lt;2001:db8::5:40122&gt;: (user 'root', 10 fails): Max auth tries reached - user 'root'</c>: Dropbear
/// closed a connection that used up its authentication attempts (<c>MAX_AUTH_TRIES</c>, <c>-T</c>).
/// </summary>
public sealed record DropbearMaxAuthTries : AuthEvent
{
    /// <summary>The failed attempts, <c>10</c> in <c>(user 'root', 10 fails)</c>; null when the line has no <c>(user ...)</c> part.</summary>
    public int? Failures { get; init; }

    /// <summary>
    /// True when the name is Dropbear's placeholder for a user that does not exist:
    /// <c>Exit before auth: Max auth tries reached - user 'is invalid' from 1.2.3.4:60588</c>; <see cref="AuthEvent.User"/> keeps the text.
    /// </summary>
    public bool InvalidUser { get; init; }

    /// <summary>Failure: <c>Max auth tries reached - user 'root' from 1.2.3.4:60588</c> ends a connection that kept failing.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// A connection that ended before it authenticated, for any reason but the maximum of tries (<see cref="DropbearMaxAuthTries"/>):
/// <c>Exit before auth (user 'root', 2 fails): Exited normally</c>, <c>Exit before auth: Disconnect received</c>, since 2020
/// <c>Exit before auth from &lt;203.0.113.7:4022&gt;: Exited normally</c>, in 0.4x <c>exit before auth: Disconnect received</c>.
/// </summary>
public sealed record DropbearExitBeforeAuth : AuthEvent
{
    /// <summary>The failed attempts, <c>2</c> in <c>(user 'root', 2 fails)</c>; null when the line has no <c>(user ...)</c> part.</summary>
    public int? Failures { get; init; }

    /// <summary>Why the connection ended, as written: <c>Exited normally</c>, <c>Disconnect received</c>, <c>Timeout before auth</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// The end of an authenticated session: <c>Exit (alice): Disconnect received</c>, since 2020
/// <c>Exit (alice) from &lt;198.51.100.4:50122&gt;: Exited normally</c>, in 0.4x <c>exit after auth (alice): Exited normally</c>.
/// </summary>
public sealed record DropbearExit : AuthEvent
{
    /// <summary>Why the session ended, as written: <c>Exited normally</c> in <c>Exit (alice): Exited normally</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary><c>Child connection from 198.51.100.4:50122</c>: the listener forked a child for a new connection (before any authentication).</summary>
public sealed record DropbearChildConnection : AuthEvent;

/// <summary>
/// <c>User account 'bob' is locked</c>: a password attempt for an account whose password hash is locked (<c>!</c>, <c>*</c>); the line
/// names no address (the connection's other lines do).
/// </summary>
public sealed record DropbearAccountLocked : AuthEvent
{
    /// <summary>Failure: <c>User account 'bob' is locked</c> refuses a password login.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>Pubkey auth attempt with unknown algo for 'alice' from 198.51.100.4:50122</c> (older Dropbear, also lower-case): the client offered a
/// key of a type this server does not know.
/// </summary>
public sealed record DropbearUnknownKeyAlgorithm : AuthEvent;
