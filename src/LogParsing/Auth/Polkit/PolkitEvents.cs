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

/// <summary>
/// A line of pkexec's <c>log_message</c> (<c>src/programs/pkexec.c</c>): <c>"%s: %s [USER=%s] [TTY=%s] [CWD=%s] [COMMAND=%s]"</c>.
/// <see cref="AuthEvent.User"/> is the user who ran pkexec.
/// </summary>
public abstract record PolkitPkexecEvent : AuthEvent
{
    /// <summary>The user the command runs as (<c>USER=</c>): <c>root</c>.</summary>
    public required string RunAs { get; init; }

    /// <summary>The terminal as written (<c>TTY=</c>, a path: <c>/dev/pts/0</c>), or null when pkexec wrote <c>unknown</c>.</summary>
    public string? Tty { get; init; }

    /// <summary>The directory pkexec was run from (<c>CWD=</c>; named as sudo's <c>PWD=</c> field is).</summary>
    public required string Pwd { get; init; }

    /// <summary>The command line (<c>COMMAND=</c>, to the end of the line less its <c>]</c>): <c>/usr/bin/id -u</c>.</summary>
    public required string Command { get; init; }
}

/// <summary>
/// <c>alice: Executing command [USER=root] [TTY=unknown] [CWD=/home/alice] [COMMAND=/usr/lib/update-notifier/package-system-locked]</c>:
/// pkexec was authorized and runs the command.
/// </summary>
public sealed record PolkitPkexecCommand : PolkitPkexecEvent;

/// <summary>
/// <c>alice: Error executing command as another user: Not authorized [USER=root] [TTY=/dev/pts/0] [CWD=/tmp] [COMMAND=/usr/bin/id -u]</c>
/// (or <c>Request dismissed</c>): pkexec did not run the command.
/// </summary>
public sealed record PolkitPkexecRefused : PolkitPkexecEvent
{
    /// <summary>Why: <c>Not authorized</c> (polkit refused, for example after wrong passwords) or <c>Request dismissed</c> (the dialog was closed).</summary>
    public required string Reason { get; init; }

    /// <summary>Failure for <c>Not authorized</c>, an authorization refused; None for <c>Request dismissed</c>, which the user withdrew (polkitd's own <c>FAILED to authenticate</c> line counts a dialog that was tried).</summary>
    public override AuthOutcome Outcome => Reason == "Not authorized" ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Started polkitd version 0.117</c>: polkitd started (logged to the daemon facility, before it opens the auth log).</summary>
public sealed record PolkitStarted : AuthEvent
{
    /// <summary>polkit's version as written: <c>0.117</c>, <c>124</c>.</summary>
    public required string Version { get; init; }
}

/// <summary><c>Acquired the name org.freedesktop.PolicyKit1 on the system bus</c>: polkitd is ready to answer on D-Bus.</summary>
public sealed record PolkitBusNameAcquired : AuthEvent
{
    /// <summary>The bus name: <c>org.freedesktop.PolicyKit1</c>.</summary>
    public required string Name { get; init; }
}

/// <summary><c>Loading rules from directory /etc/polkit-1/rules.d</c>: polkitd (re)reads its JavaScript rules.</summary>
public sealed record PolkitRulesLoading : AuthEvent
{
    /// <summary>The directory: <c>/etc/polkit-1/rules.d</c>, <c>/usr/share/polkit-1/rules.d</c>.</summary>
    public required string Directory { get; init; }
}

/// <summary><c>Finished loading, compiling and executing 6 rules</c>: polkitd's rules are in effect.</summary>
public sealed record PolkitRulesLoaded : AuthEvent
{
    /// <summary>How many rules files were loaded.</summary>
    public int Count { get; init; }
}

/// <summary>
/// <c>Error executing script /etc/polkit-1/rules.d/49-local.rules</c>: a rules file failed to run and was skipped. Worth reading
/// on a host where rules were changed, but not an authentication.
/// </summary>
public sealed record PolkitScriptError : AuthEvent
{
    /// <summary>The text after <c>Error executing script </c>: the rules file.</summary>
    public required string Script { get; init; }
}
