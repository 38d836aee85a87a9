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

    /// <summary>
    /// Failure, except <c>Failed publickey</c> for a valid user: clients offer several keys in turn, and fail2ban's
    /// sshd filter does not count it either (<c>publickey = nofail</c>).
    /// </summary>
    public override AuthOutcome Outcome => Method == "publickey" && !InvalidUser ? AuthOutcome.None : AuthOutcome.Failure;
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

    /// <summary>Failure when it ends a connection before authentication (<c>[preauth]</c>), as fail2ban's aggressive mode counts it; None otherwise.</summary>
    public override AuthOutcome Outcome => Preauth && UserState != SshdUserState.Authenticated ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Connection closed by invalid user pi 177.128.2.215 port 57008 [preauth]</c> or <c>Connection closed by 162.142.125.54 port 56598 [preauth]</c>.</summary>
public sealed record SshdConnectionClosed : SshdEvent
{
    /// <summary>How the line described the user (None for a bare address: a scanner or health check).</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>
    /// Failure when it ends a connection before authentication (<c>[preauth]</c>), with or without a user, as fail2ban's
    /// aggressive mode counts it. A bare address is a client that left without trying: a scanner, or a load balancer's
    /// health check (see docs/events.md).
    /// </summary>
    public override AuthOutcome Outcome => Preauth && UserState != SshdUserState.Authenticated ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Connection reset by 81.161.63.100 port 45458 [preauth]</c>.</summary>
public sealed record SshdConnectionReset : SshdEvent
{
    /// <summary>How the line described the user.</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>Failure when it ends a connection before authentication (<c>[preauth]</c>), as fail2ban's aggressive mode counts it; None otherwise.</summary>
    public override AuthOutcome Outcome => Preauth && UserState != SshdUserState.Authenticated ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Unable to negotiate with 45.133.1.115 port 34484: no matching key exchange method found. Their offer: a,b,c [preauth]</c>.</summary>
public sealed record SshdNegotiationFailed : SshdEvent
{
    /// <summary>What did not match: <c>key exchange method</c>, <c>host key type</c>, <c>cipher</c>, <c>MAC</c>, <c>compression method</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The client's offer, in its order.</summary>
    public ImmutableArray<string> Offer { get; init; } = [];

    /// <summary>What the server had to offer, when the line says (<c>no matching mac found: client ... server ...</c>, OpenSSH 6.7 and before); empty otherwise.</summary>
    public ImmutableArray<string> Supported { get; init; } = [];

    /// <summary>Failure: clients with only obsolete algorithms are almost always scanners (fail2ban's <c>extra</c> and <c>aggressive</c> modes count them).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;

    /// <summary>Equal when every field is, the offers compared item by item (an array compares by reference).</summary>
    /// <param name="other">The event to compare with.</param>
    public bool Equals(SshdNegotiationFailed? other) =>
        other is not null && base.Equals(other) && Algorithm == other.Algorithm && Offer.AsSpan().SequenceEqual(other.Offer.AsSpan())
        && Supported.AsSpan().SequenceEqual(other.Supported.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Algorithm, Offer.Length, Supported.Length);
}

/// <summary><c>error: kex_exchange_identification: Connection closed by remote host</c>: the client left during the banner exchange.</summary>
public sealed record SshdIdentificationError : SshdEvent
{
    /// <summary>The text after <c>kex_exchange_identification: </c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Failure for <c>Connection closed by remote host</c>, <c>read: Connection reset by peer</c> and <c>client sent invalid
    /// protocol identifier</c> (probes fail2ban's ddos mode counts), though the line names no host; None for other reasons.
    /// </summary>
    public override AuthOutcome Outcome =>
        Reason.EndsWith("onnection closed by remote host", StringComparison.Ordinal)
        || Reason.EndsWith("onnection reset by peer", StringComparison.Ordinal)
        || Reason.Contains("lient sent invalid protocol identifier", StringComparison.Ordinal)
            ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>error: maximum authentication attempts exceeded for invalid user xxx from 192.0.2.7 port 49941 ssh2 [preauth]</c>.</summary>
public sealed record SshdMaxAuthAttempts : SshdEvent
{
    /// <summary>True when the line said <c>invalid user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// The client did not finish authenticating within LoginGraceTime: <c>fatal: Timeout before authentication for 192.0.2.14 port 55555</c>
/// (before 9.8), or from the listener <c>Timeout before authentication for connection from 1.2.3.4 to 192.168.0.2, pid = 35557</c>.
/// </summary>
public sealed record SshdTimeout : SshdEvent
{
    /// <summary>The local address the client connected to (9.8+ listener form), or null.</summary>
    public string? LocalAddress { get; init; }

    /// <summary>The pid of the session process that timed out (9.8+ listener form), or null.</summary>
    public int? ChildProcessId { get; init; }

    /// <summary>What the session was doing: <c>sending config</c>, <c>sending keys</c>, <c>early</c> (9.8+), or null.</summary>
    public string? Stage { get; init; }

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

/// <summary><c>Received signal 15; terminating.</c>, <c>Exiting on signal 15</c>, <c>Received SIGHUP; restarting.</c></summary>
public sealed record SshdReceivedSignal : SshdEvent
{
    /// <summary>The signal number (1 for SIGHUP).</summary>
    public int Signal { get; init; }

    /// <summary>True for <c>Received SIGHUP; restarting.</c>: the listener re-executes itself.</summary>
    public bool Restarting { get; init; }
}

/// <summary><c>error: PAM: Authentication failure for root from 192.0.2.6</c>: PAM refused a login inside sshd.</summary>
public sealed record SshdPamError : SshdEvent
{
    /// <summary>PAM's error text: <c>Authentication failure</c>, <c>User not known to the underlying authentication module</c>...</summary>
    public required string Reason { get; init; }

    /// <summary>True when the line said <c>illegal user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <summary>What macOS's sshd writes after the host, <c> via 192.168.1.201</c> (the local address), or null.</summary>
    public string? Via { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>Postponed publickey for git from 192.0.2.1 port 57904 ssh2 [preauth]</c> (the client must prove the key) or
/// <c>Partial publickey for git from ...</c> (one of several required methods passed).
/// </summary>
public sealed record SshdPartialAuthentication : SshdEvent
{
    /// <summary><c>Postponed</c> or <c>Partial</c>.</summary>
    public required string Result { get; init; }

    /// <summary>The method.</summary>
    public required string Method { get; init; }

    /// <summary>True when the line said <c>invalid user</c>.</summary>
    public bool InvalidUser { get; init; }

    /// <summary>The protocol word after the port (<c>ssh2</c>), or null.</summary>
    public string? Protocol { get; init; }

    /// <summary>What followed <c>ssh2: </c>, or null.</summary>
    public string? Details { get; init; }
}

/// <summary>
/// sshd refused a user by configuration: <c>User root from 46.45.128.3 not allowed because listed in DenyUsers</c>,
/// <c>User bob not allowed because account is locked</c>, <c>... because shell /bin/false does not exist</c>.
/// </summary>
public sealed record SshdUserNotAllowed : SshdEvent
{
    /// <summary>The text after <c>not allowed because </c>: <c>not listed in AllowUsers</c>, <c>listed in DenyUsers</c>, <c>account is locked</c>...</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>ROOT LOGIN REFUSED FROM 1.2.3.4 port 12345</c> (<c>PermitRootLogin no</c>).</summary>
public sealed record SshdRootLoginRefused : SshdEvent
{
    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>refused connect from example.com (192.0.2.1)</c>: tcp_wrappers refused the connection.</summary>
public sealed record SshdRefusedConnect : SshdEvent
{
    /// <summary>The name before the address in parentheses.</summary>
    public required string Name { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>Did not receive identification string from 192.0.2.5 port 35836</c> (OpenSSH before 8.0): a connection that said nothing.</summary>
public sealed record SshdNoIdentification : SshdEvent
{
    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>Bad protocol version identification 'GET / HTTP/1.1' from 192.0.2.5 port 31778</c> (OpenSSH before 8.0).</summary>
public sealed record SshdBadProtocolVersion : SshdEvent
{
    /// <summary>What the client sent instead of an SSH banner.</summary>
    public required string Identification { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// A fatal connection error with context (<c>packet.c sshpkt_vfatal</c>): <c>banner exchange: Connection from 192.0.2.12 port 44105: invalid format</c>,
/// <c>ssh_dispatch_run_fatal: Connection from 192.0.2.13 port 33738: message authentication code incorrect [preauth]</c>.
/// </summary>
public sealed record SshdConnectionError : SshdEvent
{
    /// <summary>Where it happened: <c>banner exchange</c>, <c>ssh_dispatch_run_fatal</c>.</summary>
    public required string Context { get; init; }

    /// <summary>The error: <c>invalid format</c>, <c>Connection corrupted</c>...</summary>
    public required string Reason { get; init; }

    /// <summary>Failure for a bad banner and for a corrupted or tampered stream (fail2ban's ddos mode counts them); None otherwise.</summary>
    public override AuthOutcome Outcome =>
        Reason is "invalid format" || Reason.Contains("message authentication code incorrect", StringComparison.Ordinal)
        || Reason.Contains("onnection corrupted", StringComparison.Ordinal)
            ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary>
/// sshd ended a connection itself: <c>Disconnecting invalid user xxx 192.0.2.7 port 49941: Too many authentication failures [preauth]</c>,
/// or before 7.5 <c>Disconnecting: Too many authentication failures for root [preauth]</c>.
/// </summary>
public sealed record SshdDisconnecting : SshdEvent
{
    /// <summary>How the line described the user.</summary>
    public SshdUserState UserState { get; init; }

    /// <summary>Why: <c>Too many authentication failures</c>, <c>Change of username or service not allowed: ...</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Failure before authentication: sshd ended a connection that had not authenticated (too many failures, a change of
    /// user mid-way, no method left). The 7.5+ <c>Too many authentication failures</c> line follows a <c>maximum
    /// authentication attempts exceeded</c> line of the same attempt: <c>AttemptCounting</c> counts the attempt once.
    /// </summary>
    public override AuthOutcome Outcome => Preauth ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>fatal: Read from socket failed: Connection reset by peer [preauth]</c>: the connection broke; the address is on an earlier line of the same pid.</summary>
public sealed record SshdSocketError : SshdEvent
{
    /// <summary>What failed: <c>Read from socket</c>, <c>Write</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The system error: <c>Connection reset by peer</c>, <c>Broken pipe</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Failure for a reset before authentication (fail2ban's ddos mode counts it once the address is known); None otherwise.</summary>
    public override AuthOutcome Outcome => Preauth && Reason.EndsWith("reset by peer", StringComparison.Ordinal) ? AuthOutcome.Failure : AuthOutcome.None;
}

/// <summary><c>Connection from 115.249.163.77 port 51353 on 127.0.0.1 port 22 rdomain ""</c> (LogLevel VERBOSE).</summary>
public sealed record SshdConnectionFrom : SshdEvent
{
    /// <summary>The local address the client reached, or null (old form).</summary>
    public string? LocalAddress { get; init; }

    /// <summary>The local port, or null.</summary>
    public int? LocalPort { get; init; }

    /// <summary>The routing domain (<c>rdomain "x"</c>), or null.</summary>
    public string? RoutingDomain { get; init; }
}

/// <summary><c>Starting session: shell on pts/0 for alice from 10.10.10.10 port 60140 id 0</c> (LogLevel VERBOSE).</summary>
public sealed record SshdSessionStarted : SshdEvent
{
    /// <summary>What runs: <c>shell</c>, <c>command</c>, <c>forced-command (config)</c>, <c>subsystem 'sftp'</c>...</summary>
    public required string Kind { get; init; }

    /// <summary>The terminal (<c>pts/0</c>), or null without one.</summary>
    public string? Tty { get; init; }

    /// <summary>The channel's session id.</summary>
    public int SessionId { get; init; }
}

/// <summary><c>Close session: user alice from 192.168.1.1 port 34928 id 0</c> (LogLevel VERBOSE).</summary>
public sealed record SshdSessionClosed : SshdEvent
{
    /// <summary>The channel's session id.</summary>
    public int SessionId { get; init; }
}

/// <summary><c>Accepted key ED25519 SHA256:... found at /home/alice/.ssh/authorized_keys:3</c> (LogLevel VERBOSE/DEBUG).</summary>
public sealed record SshdKeyFound : SshdEvent
{
    /// <summary><c>key</c> or <c>certificate</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The key type.</summary>
    public required string KeyType { get; init; }

    /// <summary>The fingerprint.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The authorized_keys file (and <c>:line</c>) it matched.</summary>
    public required string Location { get; init; }
}

/// <summary>
/// <c>Address 1.2.3.4 maps to x.example.com, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!</c> or
/// <c>reverse mapping checking getaddrinfo for x.example.com [1.2.3.4] failed - POSSIBLE BREAK-IN ATTEMPT!</c> (UseDNS).
/// </summary>
public sealed record SshdReverseMappingMismatch : SshdEvent
{
    /// <summary>The name the address resolved to.</summary>
    public required string Name { get; init; }

    /// <summary>None: a DNS misconfiguration, not an attempt; fail2ban dropped its rule for it.</summary>
    public override AuthOutcome Outcome => AuthOutcome.None;
}

/// <summary>
/// OpenSSH 9.8+ PerSourcePenalties: <c>srclimit_penalise: ipv4: new 192.0.2.7/32 active penalty of 30.000 seconds for penalty: failed authentication</c>
/// (or <c>activating</c>). <see cref="AuthEvent.Remote"/> is the penalised network's address.
/// </summary>
public sealed record SshdPenalty : SshdEvent
{
    /// <summary><c>ipv4</c> or <c>ipv6</c>.</summary>
    public required string Family { get; init; }

    /// <summary>The penalised network: <c>192.0.2.7/32</c>.</summary>
    public required string Network { get; init; }

    /// <summary>True for an active penalty (connections from it are refused), false for a deferred one.</summary>
    public bool Active { get; init; }

    /// <summary>The penalty's length.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Why: <c>penalty: failed authentication</c>, <c>penalty: exceeded LoginGraceTime</c>...</summary>
    public required string Reason { get; init; }
}

/// <summary><c>drop connection #0 from [1.2.3.4]:48602 on [1.1.1.1]:22 penalty: exceeded LoginGraceTime</c> (MaxStartups, PerSourcePenalties).</summary>
public sealed record SshdConnectionDropped : SshdEvent
{
    /// <summary>The connection's number.</summary>
    public int Number { get; init; }

    /// <summary>The local address.</summary>
    public required string LocalAddress { get; init; }

    /// <summary>The local port.</summary>
    public int LocalPort { get; init; }

    /// <summary>Why: <c>past MaxStartups</c>, <c>penalty: exceeded LoginGraceTime</c>...</summary>
    public required string Reason { get; init; }
}

/// <summary><c>Timeout, client not responding from user alice 192.0.2.5 port 51234</c> (ClientAliveInterval).</summary>
public sealed record SshdClientTimeout : SshdEvent
{
    /// <summary>How the line described the user.</summary>
    public SshdUserState UserState { get; init; }
}

/// <summary><c>Transferred: sent 3192, received 2920 bytes</c>.</summary>
public sealed record SshdTransferred : SshdEvent
{
    /// <summary>Bytes sent to the client.</summary>
    public long Sent { get; init; }

    /// <summary>Bytes received from the client.</summary>
    public long Received { get; init; }
}

/// <summary>
/// <c>Corrupted MAC on input.</c> or <c>Bad packet length 1349676916.</c> (packet.c, every SSH-2 release): a packet that
/// failed its integrity check, from a broken client or someone tampering with the stream. The line names no address
/// (the next line of the same pid usually does: session correlation fills it).
/// </summary>
public sealed record SshdCorruptPacket : SshdEvent
{
    /// <summary>What was wrong: <c>Corrupted MAC on input</c> or <c>Bad packet length</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The impossible length the packet claimed, for <c>Bad packet length</c>; null otherwise.</summary>
    public long? Length { get; init; }
}

/// <summary>
/// <c>Read error from remote host 192.0.2.5 port 51234: Connection reset by peer</c> (serverloop.c, VERBOSE; no port before
/// 7.2): an established session's connection broke.
/// </summary>
public sealed record SshdReadError : SshdEvent
{
    /// <summary>The system's error: <c>Connection reset by peer</c>, <c>Connection timed out</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// <c>Authentication refused: bad ownership or modes for directory /home/alice/.ssh</c> (StrictModes, auth.c): sshd would not
/// read a user's key file. The attempt's result is its own <c>Failed publickey</c> line, so this one is None.
/// </summary>
public sealed record SshdAuthenticationRefused : SshdEvent
{
    /// <summary>Why: <c>bad ownership or modes for file /home/alice/.ssh/authorized_keys</c>, <c>... is not a regular file</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>
/// <c>subsystem request for sftp by user alice failed, subsystem not found</c> (session.c; <c>by user</c> since about 7.7):
/// a logged-in user asked for a subsystem sshd does not offer.
/// </summary>
public sealed record SshdSubsystemNotFound : SshdEvent
{
    /// <summary>The subsystem asked for: <c>sftp</c>.</summary>
    public required string Subsystem { get; init; }
}
