using System.Collections.Immutable;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// An event of OpenSSH's sshd (tags <c>sshd</c>, and <c>sshd-session</c> / <c>sshd-auth</c> of OpenSSH 9.8+).
/// </summary>
public abstract record SshdEvent : AuthEvent
{
    /// <summary>The level prefix the line carried (<c>error: </c>, <c>fatal: </c>).</summary>
    public SshdLogLevel Level { get; init; }

    /// <summary>The <c> [preauth]</c> / <c> [postauth]</c> suffix the line carried.</summary>
    public SshdPhase Phase { get; init; }

    /// <summary>True when the line ends in <c> [preauth]</c>: relayed from the unprivileged pre-authentication child.</summary>
    public bool Preauth => Phase == SshdPhase.Preauth;

    /// <summary>True when the line ends in <c> [postauth]</c>.</summary>
    public bool Postauth => Phase == SshdPhase.Postauth;
}

/// <summary><c>Invalid user oracle from 187.32.120.215 port 54110</c>: a login attempt for a name that does not exist.</summary>
public sealed record SshdInvalidUser : SshdEvent
{
    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>Failed password for invalid user admin from 192.0.2.1 port 56502 ssh2</c>.</summary>
public sealed record SshdFailedAuthentication : SshdEvent
{
    /// <summary>The method: <c>password</c>, <c>publickey</c>, <c>keyboard-interactive/pam</c>, <c>none</c>...</summary>
    public required string Method { get; init; }

    /// <summary>True when the line said <c>invalid user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <summary>The protocol word after the port: <c>ssh2</c> (or <c>ssh1</c> before OpenSSH 7.4), null when absent.</summary>
    public string? Protocol { get; init; }

    /// <summary>What followed <c>ssh2: </c>, such as a key type and fingerprint, or null.</summary>
    public string? Details { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>Accepted publickey for vagrant from 10.0.2.2 port 48274 ssh2: ED25519 SHA256:k1kj...</c>.</summary>
public sealed record SshdAcceptedAuthentication : SshdEvent
{
    /// <summary>The method: <c>password</c>, <c>publickey</c>, <c>keyboard-interactive/pam</c>...</summary>
    public required string Method { get; init; }

    /// <summary>The protocol word after the port (<c>ssh2</c>), null when absent.</summary>
    public string? Protocol { get; init; }

    /// <summary>The key type of a publickey login (<c>RSA</c>, <c>ED25519</c>, <c>ED25519-CERT</c>), or null.</summary>
    public string? KeyType { get; init; }

    /// <summary>The key fingerprint (<c>SHA256:...</c>), or null.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Everything after <c>ssh2: </c> (certificate ID, serial, CA...), or null.</summary>
    public string? Details { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary><c>Received disconnect from 104.248.172.241 port 60580:11: Bye Bye [preauth]</c>: the client sent SSH_MSG_DISCONNECT.</summary>
public sealed record SshdReceivedDisconnect : SshdEvent
{
    /// <summary>The SSH disconnect reason code (11 = by application, 14 = no more auth methods, 3 = key exchange failed...).</summary>
    public int Code { get; init; }

    /// <summary>The client's reason text: <c>Bye Bye</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Failure for code 14 (<c>No supported authentication methods available</c>) and for code 3 with
    /// <c>Auth fail</c>, as fail2ban counts them; None otherwise (the attempt itself is on another line).
    /// </summary>
    public override AuthOutcome Outcome =>
        Code == 14 || (Code == 3 && Reason.EndsWith("Auth fail", StringComparison.Ordinal)) ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Disconnected from invalid user abc 104.248.172.241 port 60580 [preauth]</c>.</summary>
public sealed record SshdDisconnected : SshdEvent
{
    /// <summary>How the line described the user.</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>Failure before authentication for an invalid or authenticating user (fail2ban's <c>normal</c> mode counts it); None otherwise.</summary>
    public override AuthOutcome Outcome => Preauth && UserState is SshdUserState.Invalid or SshdUserState.Authenticating ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Connection closed by invalid user pi 177.128.2.215 port 57008 [preauth]</c> or <c>Connection closed by 162.142.125.54 port 56598 [preauth]</c>.</summary>
public sealed record SshdConnectionClosed : SshdEvent
{
    /// <summary>How the line described the user (None for a bare address: a scanner or health check).</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>Failure before authentication for an invalid or authenticating user; None for a bare address (see docs/events.md).</summary>
    public override AuthOutcome Outcome => Preauth && UserState is SshdUserState.Invalid or SshdUserState.Authenticating ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Connection reset by 81.161.63.100 port 45458 [preauth]</c>.</summary>
public sealed record SshdConnectionReset : SshdEvent
{
    /// <summary>How the line described the user.</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>Failure before authentication for an invalid or authenticating user; None otherwise.</summary>
    public override AuthOutcome Outcome => Preauth && UserState is SshdUserState.Invalid or SshdUserState.Authenticating ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Unable to negotiate with 45.133.1.115 port 34484: no matching key exchange method found. Their offer: a,b,c [preauth]</c>.</summary>
public sealed record SshdNegotiationFailed : SshdEvent
{
    /// <summary>What did not match: <c>key exchange method</c>, <c>host key type</c>, <c>cipher</c>, <c>MAC</c>, <c>compression method</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The client's offer, in its order.</summary>
    public ImmutableArray<string> Offer { get; init; } = [];

    /// <summary>Failure: clients with only obsolete algorithms are almost always scanners (fail2ban's <c>aggressive</c> mode counts them).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>error: kex_exchange_identification: Connection closed by remote host</c>: the client left during the banner exchange.</summary>
public sealed record SshdIdentificationError : SshdEvent
{
    /// <summary>The text after <c>kex_exchange_identification: </c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Failure: a probe (fail2ban's <c>ddos</c> mode counts it), though the line names no host.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>error: maximum authentication attempts exceeded for invalid user xxx from 192.0.2.7 port 49941 ssh2 [preauth]</c>.</summary>
public sealed record SshdMaxAuthAttempts : SshdEvent
{
    /// <summary>True when the line said <c>invalid user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>fatal: Timeout before authentication for 192.0.2.14 port 55555</c>: the client did not finish within LoginGraceTime.</summary>
public sealed record SshdTimeout : SshdEvent
{
    /// <summary>Failure: the connection never authenticated (sshd 9.8+ penalises it as <c>exceeded LoginGraceTime</c>).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>Server listening on 0.0.0.0 port 22.</c></summary>
public sealed record SshdServerListening : SshdEvent
{
    /// <summary>The listen address: <c>0.0.0.0</c>, <c>::</c>.</summary>
    public required string Address { get; init; }

    /// <summary>The listen port.</summary>
    public int Port { get; init; }
}

/// <summary><c>Received signal 15; terminating.</c></summary>
public sealed record SshdReceivedSignal : SshdEvent
{
    /// <summary>The signal number.</summary>
    public int Signal { get; init; }
}

/// <summary><c>error: PAM: Authentication failure for root from 192.0.2.6</c>: PAM refused a login inside sshd.</summary>
public sealed record SshdPamError : SshdEvent
{
    /// <summary>PAM's error text: <c>Authentication failure</c>, <c>User not known to the underlying authentication module</c>...</summary>
    public required string Reason { get; init; }

    /// <summary>True when the line said <c>illegal user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}
