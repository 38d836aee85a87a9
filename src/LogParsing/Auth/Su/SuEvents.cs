namespace LogParsing.Auth.Su;

/// <summary>
/// A successful switch of user: util-linux <c>(to root) alice on pts/0</c>, or shadow's <c>Successful su for root by alice</c>
/// and <c>+ pts/0 alice:root</c>. <see cref="AuthEvent.User"/> is the caller (null when the line leaves it empty or <c>???</c>).
/// runuser writes the same line under its own tag (<see cref="AuthLogEntry.Program"/> <c>runuser</c>).
/// </summary>
public sealed record SuSession : AuthEvent
{
    /// <summary>The user switched to: <c>root</c>.</summary>
    public string? Target { get; init; }

    /// <summary>The caller's terminal (<c>pts/0</c>), or null when the line has none (util-linux writes <c>none</c>, shadow <c>???</c>, <c>Successful su</c> none at all).</summary>
    public string? Tty { get; init; }
}

/// <summary>
/// A refused switch of user: util-linux <c>FAILED SU (to root) alice on pts/0</c> (<c>FAILED RUNUSER</c> for runuser), or shadow's
/// <c>FAILED su for root by alice</c> and <c>- pts/0 alice:root</c>. <see cref="AuthEvent.User"/> is the caller.
/// </summary>
public sealed record SuFailed : AuthEvent
{
    /// <summary>The user the caller tried to become.</summary>
    public string? Target { get; init; }

    /// <summary>The caller's terminal, or null when the line has none.</summary>
    public string? Tty { get; init; }

    /// <summary>True for <c>FAILED RUNUSER</c> (runuser, which asks no password, fails only when PAM refuses the account).</summary>
    public bool Runuser { get; init; }

    /// <summary>Failure: a wrong password (or an account PAM refused) for a user switch.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}
