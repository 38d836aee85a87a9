namespace LogParsing.Auth.Polkit;

/// <summary>
/// An operator's attempt to gain an authorization for a subject (<c>Operator of unix-session:1 ... for action A for
/// subject [command] (owned by unix-user:alice)</c>). <see cref="AuthEvent.User"/> is the owner of the subject
/// (<c>alice</c>, from <c>unix-user:alice</c>).
/// </summary>
public abstract record PolkitAuthorization : AuthEvent
{
    /// <summary>Where the operator sat: <c>unix-session:1</c>, <c>unix-process:4800:14441</c>.</summary>
    public required string Operator { get; init; }

    /// <summary>The action: <c>org.freedesktop.policykit.exec</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The subject that asked: <c>system-bus-name::1.92</c>, <c>unix-process:15484:3049892</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The subject's command line, as polkit read it (it may contain brackets).</summary>
    public required string Command { get; init; }

    /// <summary>The owner of the subject: <c>unix-user:alice</c>.</summary>
    public required string Owner { get; init; }
}

/// <summary>
/// <c>Operator of unix-session:1 successfully authenticated as unix-user:root to gain TEMPORARY authorization for action
/// org.freedesktop.policykit.exec for system-bus-name::1.92 [pkexec /usr/bin/id] (owned by unix-user:alice)</c>:
/// someone at a session proved an identity to polkit.
/// </summary>
public sealed record PolkitAuthenticated : PolkitAuthorization
{
    /// <summary>The identity the operator authenticated as: <c>unix-user:root</c>.</summary>
    public required string Identity { get; init; }

    /// <summary>How long the authorization lasts: <c>TEMPORARY</c> (kept for a while) or <c>ONE-SHOT</c>.</summary>
    public required string Lifetime { get; init; }

    /// <summary>Success: the operator gave the right password for <see cref="Identity"/>.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// <c>Operator of unix-session:3 FAILED to authenticate to gain authorization for action org.manjaro.pamac.commit for
/// system-bus-name::1.156 [pamac-manager --updates] (owned by unix-user:alice)</c>: the authentication dialog failed
/// or was dismissed.
/// </summary>
public sealed record PolkitAuthenticationFailed : PolkitAuthorization
{
    /// <summary>Failure: a wrong password, or a dialog dismissed, which polkit logs alike.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>An authentication agent (a password dialog) coming or going for a session or process.</summary>
public abstract record PolkitAgentEvent : AuthEvent
{
    /// <summary>The session or process the agent serves: <c>unix-session:2</c>, <c>unix-process:7427:188476</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The agent's bus name: <c>:1.99</c>.</summary>
    public required string BusName { get; init; }

    /// <summary>The agent's object path.</summary>
    public required string ObjectPath { get; init; }

    /// <summary>The agent's locale: <c>en_US.UTF-8</c>, <c>C</c>.</summary>
    public required string Locale { get; init; }
}

/// <summary>
/// <c>Registered Authentication Agent for unix-process:7427:188476 (system bus name :1.99 [/usr/bin/pkttyagent --notify-fd 5 --fallback],
/// object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale C)</c>: a password dialog is ready for a session or process.
/// </summary>
public sealed record PolkitAgentRegistered : PolkitAgentEvent
{
    /// <summary>The agent's command line: <c>/usr/bin/pkttyagent --notify-fd 5 --fallback</c>.</summary>
    public required string Command { get; init; }
}

/// <summary>
/// <c>Unregistered Authentication Agent for unix-process:7427:188476 (system bus name :1.99, object path
/// /org/freedesktop/PolicyKit1/AuthenticationAgent, locale C) (disconnected from bus)</c>.
/// </summary>
public sealed record PolkitAgentUnregistered : PolkitAgentEvent
{
    /// <summary>True when the line ends in <c> (disconnected from bus)</c>: the agent went away rather than unregistering.</summary>
    public bool Disconnected { get; init; }
}
