namespace LogParsing.Auth.Su;

/// <summary>
/// A successful switch of user: util-linux <c>(to root) alice on pts/0</c>, shadow's <c>Successful su for root by alice</c>
/// and <c>+ pts/0 alice:root</c>, or BSD su's <c>alice to root on /dev/ttyp0</c>. <see cref="AuthEvent.User"/> is the caller (null when the line leaves it empty or <c>???</c>).
/// runuser writes the same line under its own tag (<see cref="AuthLogEntry.Program"/> <c>runuser</c>).
/// </summary>
public sealed record SuSession : AuthEvent
{
    /// <summary>The user switched to: <c>root</c>.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// The caller's terminal as written (<c>pts/0</c>; BSD su writes the path, <c>/dev/ttyp0</c>), or null when the line has none
    /// (util-linux writes <c>none</c>, shadow <c>???</c>, <c>Successful su</c> and BSD su without a terminal nothing at all).
    /// </summary>
    public string? Tty { get; init; }
}

/// <summary>
/// A refused switch of user: util-linux <c>FAILED SU (to root) alice on pts/0</c> (<c>FAILED RUNUSER</c> for runuser), shadow's
/// <c>FAILED su for root by alice</c> and <c>- pts/0 alice:root</c>, or BSD su's <c>BAD SU alice to root on /dev/ttyp0</c>. <see cref="AuthEvent.User"/> is the caller.
/// </summary>
public sealed record SuFailed : AuthEvent
{
    /// <summary>The user the caller tried to become.</summary>
    public string? Target { get; init; }

    /// <summary>The caller's terminal as written (<c>pts/0</c>, BSD su's <c>/dev/ttyp0</c>), or null when the line has none.</summary>
    public string? Tty { get; init; }

    /// <summary>True for <c>FAILED RUNUSER</c> (runuser, which asks no password, fails only when PAM refuses the account).</summary>
    public bool Runuser { get; init; }

    /// <summary>Failure: a wrong password (or an account PAM refused) for a user switch.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// A PAM call that failed in shadow-utils' su: <c>pam_authenticate: Authentication failure</c>, also <c>pam_acct_mgmt: %s</c>,
/// <c>pam_chauthtok: %s</c>, <c>pam_setcred: %s</c>, <c>pam_open_session: %s</c> (<c>src/su.c</c>). The line names no user:
/// shadow's su writes <c>FAILED su for ...</c> and <c>- tty old:new</c> for the same attempt.
/// </summary>
public sealed record SuPamError : AuthEvent
{
    /// <summary>The PAM function that failed: <c>pam_authenticate</c>, <c>pam_acct_mgmt</c>, <c>pam_chauthtok</c>, <c>pam_setcred</c>, <c>pam_open_session</c>.</summary>
    public required string Function { get; init; }

    /// <summary>PAM's text for the error (<c>pam_strerror</c>): <c>Authentication failure</c>, <c>User account has expired</c>.</summary>
    public required string Error { get; init; }

    /// <summary>
    /// Failure when <see cref="Function"/> is <c>pam_authenticate</c> (the password was refused) or <c>pam_acct_mgmt</c> (PAM refused
    /// the account); None for the later calls, which fail after the caller was let in.
    /// </summary>
    public override AuthOutcome Outcome => Function is "pam_authenticate" or "pam_acct_mgmt" ? AuthOutcome.Failure : AuthOutcome.None;
}
