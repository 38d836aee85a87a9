using LogParsing;

namespace Tutorial;

/// <summary>
/// <c>TLS Auth Error: Auth Username/Password verification failed for peer</c>: a wrong user name or password
/// (or a refused one, when an auth plug-in or script said no).
/// </summary>
public sealed record OpenVpnAuthFailed : AuthEvent
{
    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;

    /// <summary>What OpenVPN said after <c>TLS Auth Error: </c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// <c>TLS Error: TLS handshake failed</c> and the <c>TLS Error: </c> lines before it: a client (or a scanner) that never
/// completed the handshake.
/// </summary>
public sealed record OpenVpnTlsError : AuthEvent
{
    // OpenVPN writes several TLS Error lines per failed handshake but only one "TLS handshake failed":
    // counting that one, as fail2ban's openvpn filter does, counts each attempt once.
    /// <inheritdoc />
    public override AuthOutcome Outcome => Reason == "TLS handshake failed" ? AuthOutcome.Failure : AuthOutcome.None;

    /// <summary>What OpenVPN said after <c>TLS Error: </c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// <c>TLS: Username/Password authentication succeeded for username 'alice' [CN SET]</c>. Not itself a login
/// (<see cref="AuthOutcome.None"/>): <see cref="OpenVpnPeerConnected"/> follows, and counts it once.
/// </summary>
public sealed record OpenVpnUserAuthenticated : AuthEvent
{
    /// <summary>True when the server uses the user name as the common name (<c>username-as-common-name</c>).</summary>
    public bool CommonNameSet { get; init; }
}

/// <summary><c>[alice] Peer Connection Initiated with [AF_INET]198.51.100.23:40112</c>: a client is connected.</summary>
public sealed record OpenVpnPeerConnected : AuthEvent
{
    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Success;

    /// <summary>The address family OpenVPN names: <c>AF_INET</c> or <c>AF_INET6</c>.</summary>
    public required string AddressFamily { get; init; }
}

/// <summary><c>SIGTERM[soft,remote-exit] received, client-instance exiting</c>: a client's session ended (or restarts).</summary>
public sealed record OpenVpnClientInstanceEnded : AuthEvent
{
    /// <summary>The signal: <c>SIGTERM</c>, <c>SIGUSR1</c>.</summary>
    public required string Signal { get; init; }

    /// <summary>Why: <c>remote-exit</c>, <c>connection-reset</c>, <c>ping-restart</c>, <c>delayed-exit</c>...</summary>
    public required string Reason { get; init; }

    /// <summary>True for <c>client-instance restarting</c>, false for <c>client-instance exiting</c>.</summary>
    public bool Restarting { get; init; }
}
