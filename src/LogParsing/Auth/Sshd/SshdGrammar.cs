using System.Collections.Immutable;
using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// The messages of OpenSSH's sshd (and <c>sshd-session</c> / <c>sshd-auth</c>), after the syslog header.
/// Format strings are quoted from openssh-portable (<c>auth.c</c>, <c>packet.c</c>, <c>kex.c</c>, <c>sshd.c</c>).
/// </summary>
public static class SshdGrammar
{
    internal const string PreauthSuffix = " [preauth]";

    // Solaris writes this in place of the name of a user that does not exist.
    private const string SolarisInvalidUser = "<invalid username>";
    internal const string PostauthSuffix = " [postauth]";

    internal static SshdPhase PhaseOf(ReadOnlySpan<char> text) =>
        text.EndsWith(PreauthSuffix, StringComparison.Ordinal) ? SshdPhase.Preauth
        : text.EndsWith(PostauthSuffix, StringComparison.Ordinal) ? SshdPhase.Postauth
        : SshdPhase.None;

    internal static ReadOnlySpan<char> WithoutPhaseSuffix(ReadOnlySpan<char> text) =>
        text.EndsWith(PreauthSuffix, StringComparison.Ordinal) ? text[..^PreauthSuffix.Length]
        : text.EndsWith(PostauthSuffix, StringComparison.Ordinal) ? text[..^PostauthSuffix.Length]
        : text;

    /// <summary>The end of every sshd message: nothing, <c> [preauth]</c> or <c> [postauth]</c>.</summary>
    public static readonly Parser<char, SshdPhase> Phase =
        Switch(
            (PreauthSuffix, End.ThenReturn(SshdPhase.Preauth)),
            (PostauthSuffix, End.ThenReturn(SshdPhase.Postauth)))
        .Otherwise(End.ThenReturn(SshdPhase.None));

    /// <summary>Free text up to the phase suffix: a disconnect reason, an offer, an error text.</summary>
    /// <remarks>Interned (short texts): the same few reasons (<c>Bye Bye</c>, <c>Connection closed by remote host</c>) end most probes.</remarks>
    public static readonly Parser<char, string> Text = new RestParser([PreauthSuffix, PostauthSuffix], allowEmpty: true, intern: true);

    /// <summary>A user name followed by <c> from </c>: the last <c> from </c> ends it, so names with spaces survive.</summary>
    /// <remarks>Interned: probes try the same few names (<c>admin</c>, <c>root</c>, <c>oracle</c>) thousands of times.</remarks>
    public static readonly Parser<char, string> UserBeforeFrom = UntilLast(" from ", allowEmpty: true, intern: true);

    /// <summary><c>from H port N</c> after a user name: <c> from 187.32.120.215 port 54110</c>.</summary>
    public static readonly Parser<char, RemoteEndpoint> FromRemote = Literal(" from ").Then(Tokens.RemoteEndpoint);

    /// <summary><c>invalid user </c> before a user name, if present.</summary>
    public static readonly Parser<char, bool> InvalidUserMarker =
        Literal("invalid user ").Maybe().Select(m => m.HasValue);

    /// <summary>
    /// The log preamble of a connection (OpenSSH 7.5+): <c>invalid user X </c>, <c>authenticating user X </c>,
    /// <c>user X </c> or nothing, before <c>H port N</c>.
    /// </summary>
    public static readonly Parser<char, (SshdUserState State, string? User)> UserPreamble =
        Switch(
            ("invalid user ", new UserBeforeEndpointParser().Select(u => (SshdUserState.Invalid, (string?)u))),
            ("authenticating user ", new UserBeforeEndpointParser().Select(u => (SshdUserState.Authenticating, (string?)u))),
            ("user ", new UserBeforeEndpointParser().Select(u => (SshdUserState.Authenticated, (string?)u))))
        .Otherwise(Parser<char>.Return((SshdUserState.None, (string?)null)));

    /// <summary>The protocol word after the port, <c> ssh2</c> (<c> ssh1</c> before 7.4), if present.</summary>
    public static readonly Parser<char, Maybe<string>> Protocol =
        Switch(
            (" ssh2", Parser<char>.Return(Maybe.Just("ssh2"))),
            (" ssh1", Parser<char>.Return(Maybe.Just("ssh1"))))
        .Otherwise(Parser<char>.Return(Maybe.Nothing<string>()));

    /// <summary>What follows <c>ssh2: </c> on an auth result: key type and fingerprint, certificate details.</summary>
    public static readonly Parser<char, Maybe<string>> Details = Literal(": ").Then(Text).Maybe();

    // "Invalid user %.100s from %.100s port %d"
    private static readonly Parser<char, AuthEvent> InvalidUser =
        Parser.Map(
            (user, remote, phase) => (AuthEvent)new SshdInvalidUser { User = user, Remote = remote, Phase = phase },
            UserBeforeFrom, FromRemote, Phase);

    // auth.c auth_log: "%s %s%s%s for %s%.100s from %.200s port %d ssh2%s%s" (before 7.4 "... port %d %s%s%s", ssh1 or ssh2)
    private static readonly Parser<char, AuthResultParser.AuthResult> AuthResult = new AuthResultParser();

    // "Failed password for invalid user admin from 192.0.2.1 port 56502 ssh2"
    private static readonly Parser<char, AuthEvent> Failed =
        AuthResult.Select(r => (AuthEvent)new SshdFailedAuthentication
        {
            Method = r.Method, InvalidUser = r.InvalidUser || r.User == SolarisInvalidUser, User = r.User, Remote = r.Remote,
            RemoteAmbiguous = r.Ambiguous, Protocol = r.Protocol, Details = r.Details, Phase = r.Phase,
        });

    // "Accepted publickey for vagrant from 10.0.2.2 port 48274 ssh2: ED25519 SHA256:k1kj..."
    private static readonly Parser<char, AuthEvent> Accepted =
        AuthResult.Select(r =>
        {
            var (keyType, fingerprint) = KeyOf(r.Details);
            return (AuthEvent)new SshdAcceptedAuthentication
            {
                Method = r.Method, User = r.User, Remote = r.Remote, RemoteAmbiguous = r.Ambiguous, Protocol = r.Protocol,
                KeyType = keyType, Fingerprint = fingerprint, Details = r.Details, Phase = r.Phase,
            };
        });

    // "Received disconnect from %s port %d:%u: %.400s": "Received disconnect from H port 60580:11: Bye Bye [preauth]";
    // before 7.2 "Received disconnect from %s: %u: %.400s": "Received disconnect from 89.24.13.192: 3: ..."
    private static readonly Parser<char, AuthEvent> ReceivedDisconnect =
        Parser.Map(
            (remote, code, reason, phase) => (AuthEvent)new SshdReceivedDisconnect { Remote = remote, Code = code, Reason = reason, Phase = phase },
            FirstOf(
                Tokens.RemoteEndpoint.Before(Literal(":")).Before(Parser.Lookahead(Integer)),
                Until(": ").Select(host => RemoteEndpointParser.Create(host, null)).Before(Literal(": "))),
            Integer.Before(Literal(":")), Space.Maybe().Then(Text), Phase);

    // "Disconnected from invalid user abc 104.248.172.241 port 60580 [preauth]"
    private static readonly Parser<char, AuthEvent> Disconnected =
        Parser.Map(
            (preamble, remote, phase) => (AuthEvent)new SshdDisconnected { UserState = preamble.State, User = preamble.User, Remote = remote, Phase = phase },
            UserPreamble, Tokens.RemoteEndpoint, Phase);

    // "Connection closed by authenticating user root 185.18.126.114 port 33872 [preauth]"
    private static readonly Parser<char, AuthEvent> ConnectionClosed =
        Parser.Map(
            (preamble, remote, phase) => (AuthEvent)new SshdConnectionClosed { UserState = preamble.State, User = preamble.User, Remote = remote, Phase = phase },
            UserPreamble, Tokens.RemoteEndpoint, Phase);

    // "Connection reset by 81.161.63.100 port 45458 [preauth]"
    private static readonly Parser<char, AuthEvent> ConnectionReset =
        Parser.Map(
            (preamble, remote, phase) => (AuthEvent)new SshdConnectionReset { UserState = preamble.State, User = preamble.User, Remote = remote, Phase = phase },
            UserPreamble, Tokens.RemoteEndpoint, Phase);

    // "Unable to negotiate with %s: %s. Their offer: %s": "... no matching key exchange method found. Their offer: a,b,c [preauth]"
    // 6.8 to 7.1 wrote no port: "fatal: Unable to negotiate with 192.0.2.9: no matching key exchange method found. Their offer: ..."
    private static readonly Parser<char, AuthEvent> UnableToNegotiate =
        Parser.Map(
            (remote, algorithm, offer, phase) => (AuthEvent)new SshdNegotiationFailed { Remote = remote, Algorithm = algorithm, Offer = SplitOffer(offer), Phase = phase },
            Until(": no matching ").Select(HostAndPort).Before(Literal(": no matching ")),
            Until(" found", intern: true).Before(Literal(" found. Their offer: ")),
            Text, Phase);

    // 6.7 and before (kex.c choose_*): "no matching cipher found: client %s server %s", "... mac ...", "... comp ..."
    private static Parser<char, AuthEvent> NoMatching(string algorithm) =>
        Parser.Map(
            (client, server, phase) => (AuthEvent)new SshdNegotiationFailed { Algorithm = algorithm, Offer = SplitOffer(client), Supported = SplitOffer(server), Phase = phase },
            Until(" server ").Before(Literal(" server ")), Word, Phase);

    // 6.7 and before: "no kex alg", "no hostkey alg"
    private static Parser<char, AuthEvent> NoAlgorithm(string algorithm) =>
        Phase.Select(phase => (AuthEvent)new SshdNegotiationFailed { Algorithm = algorithm, Phase = phase });

    // "kex_exchange_identification: %s": "Connection closed by remote host", "read: Connection reset by peer"
    private static readonly Parser<char, AuthEvent> KexIdentification =
        Parser.Map((reason, phase) => (AuthEvent)new SshdIdentificationError { Reason = reason, Phase = phase }, Text, Phase);

    // "maximum authentication attempts exceeded for %s%.100s from %.200s port %d ssh2"
    private static readonly Parser<char, AuthEvent> MaxAuthAttempts =
        Parser.Map(
            (invalid, user, remote, _, phase) => (AuthEvent)new SshdMaxAuthAttempts { InvalidUser = invalid, User = user, Remote = remote, Phase = phase },
            InvalidUserMarker, UserBeforeFrom, FromRemote, Protocol, Phase);

    // 9.8+ listener: "Timeout before authentication for %s, pid = %ld%s", "connection from %s to %s" and " (sending config)"
    private static readonly Parser<char, AuthEvent> ListenerTimeout =
        Parser.Map(
            (peers, pid, stage) => (AuthEvent)new SshdTimeout
            {
                Remote = RemoteEndpointParser.Create(Before(peers, " to "), null),
                LocalAddress = After(peers, " to "), ChildProcessId = pid, Stage = stage.HasValue ? stage.Value : null,
            },
            Until(", pid = ").Before(Literal(", pid = ")),
            Integer,
            Literal(" (").Then(Until(")")).Before(Literal(")")).Maybe().Before(End));

    // before 9.8: "Timeout before authentication for %s port %d" (fatal)
    private static readonly Parser<char, AuthEvent> TimeoutBeforeAuthentication =
        Switch(("connection from ", ListenerTimeout))
        .Otherwise(Parser.Map((remote, phase) => (AuthEvent)new SshdTimeout { Remote = remote, Phase = phase }, Tokens.RemoteEndpoint, Phase));

    // "Server listening on %s port %s%s%s."
    private static readonly Parser<char, AuthEvent> ServerListening =
        Parser.Map(
            (address, port) => (AuthEvent)new SshdServerListening { Address = address, Port = port },
            Word.Before(Literal(" port ")),
            Integer.Before(Literal(" rdomain ").Then(Until(".")).Maybe()).Before(Literal(".")).Before(End));

    // "Received signal %d; terminating."
    private static readonly Parser<char, AuthEvent> ReceivedSignal =
        Integer.Before(Literal("; terminating.")).Before(End).Select(signal => (AuthEvent)new SshdReceivedSignal { Signal = signal });

    // "Exiting on signal %d"
    private static readonly Parser<char, AuthEvent> ExitingOnSignal =
        Integer.Before(End).Select(signal => (AuthEvent)new SshdReceivedSignal { Signal = signal });

    // "Received SIGHUP; restarting."
    private static readonly Parser<char, AuthEvent> Restarting =
        End.ThenReturn((AuthEvent)new SshdReceivedSignal { Signal = 1, Restarting = true });

    // auth-pam.c: "PAM: %s for %s%.100s from %.100s": "PAM: Authentication failure for illegal user r00t from example.com";
    // macOS adds " via %s" (its local address): "PAM: authentication error for alice from 192.0.2.7 via 192.168.1.201"
    private static readonly Parser<char, AuthEvent> PamError =
        Parser.Map(
            (reason, illegal, user, remote, via, phase) => (AuthEvent)new SshdPamError
            {
                Reason = reason, InvalidUser = illegal, User = user, Remote = remote, Via = via.HasValue ? via.Value : null, Phase = phase,
            },
            Until(" for ").Before(Literal(" for ")),
            Literal("illegal user ").Maybe().Select(m => m.HasValue),
            UserBeforeFrom, FromRemote, Literal(" via ").Then(Word).Maybe(), Phase);

    // "Postponed %s for %s from %s port %d ssh2" / "Partial ...": auth_log's other results
    private static Parser<char, AuthEvent> NotYetAuthenticated(string result) =>
        AuthResult.Select(r => (AuthEvent)new SshdPartialAuthentication
        {
            Result = result, Method = r.Method, InvalidUser = r.InvalidUser, User = r.User, Remote = r.Remote,
            RemoteAmbiguous = r.Ambiguous, Protocol = r.Protocol, Details = r.Details, Phase = r.Phase,
        });

    // "input_userauth_request: invalid user %s" (7.4 and before)
    private static readonly Parser<char, AuthEvent> InputUserauthInvalidUser =
        Parser.Map((user, phase) => (AuthEvent)new SshdInvalidUser { User = user, Phase = phase }, Text, Phase);

    // "User %.100s from %.100s not allowed because %s" / "User %.100s not allowed because %s" (auth.c allowed_user)
    private static readonly Parser<char, AuthEvent> UserNotAllowed =
        Parser.Map(
            (head, reason, phase) => (AuthEvent)new SshdUserNotAllowed
            {
                User = head.Contains(" from ", StringComparison.Ordinal) ? Before(head, " from ", last: true) : head,
                Remote = head.Contains(" from ", StringComparison.Ordinal) ? RemoteEndpointParser.Create(After(head, " from ", last: true), null) : null,
                Reason = reason, Phase = phase,
            },
            Until(" not allowed because ").Before(Literal(" not allowed because ")), Text, Phase);

    // auth-pam.c / sshpam_fatal: "Access denied for user %s by PAM account configuration"
    private static readonly Parser<char, AuthEvent> AccessDeniedByPam =
        Parser.Map(
            (user, phase) => (AuthEvent)new SshdUserNotAllowed { User = user, Reason = "denied by PAM account configuration", Phase = phase },
            UntilLast(" by PAM account configuration").Before(Literal(" by PAM account configuration")), Phase);

    // "ROOT LOGIN REFUSED FROM %.200s port %d"
    private static readonly Parser<char, AuthEvent> RootLoginRefused =
        Parser.Map((remote, phase) => (AuthEvent)new SshdRootLoginRefused { User = "root", Remote = remote, Phase = phase }, Tokens.RemoteEndpoint, Phase);

    // tcp_wrappers: "refused connect from %s (%s)"
    private static readonly Parser<char, AuthEvent> RefusedConnect =
        Parser.Map(
            (name, host) => (AuthEvent)new SshdRefusedConnect { Name = name, Remote = RemoteEndpointParser.Create(host, null) },
            Until(" (").Before(Literal(" (")), Until(")").Before(Literal(")")).Before(End));

    // "Did not receive identification string from %s port %d" (before 8.0)
    private static readonly Parser<char, AuthEvent> NoIdentification =
        Parser.Map((remote, phase) => (AuthEvent)new SshdNoIdentification { Remote = remote, Phase = phase }, Tokens.RemoteEndpoint, Phase);

    // "Bad protocol version identification '%.100s' from %s port %d" (before 8.0)
    private static readonly Parser<char, AuthEvent> BadProtocolVersion =
        Parser.Map(
            (identification, remote, phase) => (AuthEvent)new SshdBadProtocolVersion { Identification = identification, Remote = remote, Phase = phase },
            UntilLast("' from ", allowEmpty: true).Before(Literal("' from ")), Tokens.RemoteEndpoint, Phase);

    // "%s%sConnection %s %s: %s" (packet.c sshpkt_vfatal): "banner exchange: Connection from H port N: invalid format"
    private static Parser<char, AuthEvent> ConnectionError(string context) =>
        Parser.Map(
            (remote, reason, phase) => (AuthEvent)new SshdConnectionError { Context = context, Remote = remote, Reason = reason, Phase = phase },
            Switch(("from ", Tokens.RemoteEndpoint), ("to ", Tokens.RemoteEndpoint)).Before(Literal(": ")), Text, Phase);

    // before 7.0: "Unable to negotiate a key exchange method"
    private static readonly Parser<char, AuthEvent> UnableToNegotiateOld =
        Parser.Map((algorithm, phase) => (AuthEvent)new SshdNegotiationFailed { Algorithm = algorithm, Phase = phase }, Text, Phase);

    // "Disconnecting %s: %.100s" (7.5+, with the preamble): "Disconnecting invalid user xxx H port N: Too many authentication failures"
    private static readonly Parser<char, AuthEvent> Disconnecting =
        new PreambleAndReasonParser().Select(r => (AuthEvent)new SshdDisconnecting
        {
            UserState = r.State, User = r.User, Remote = r.Remote, RemoteAmbiguous = r.Ambiguous, Reason = r.Reason, Phase = r.Phase,
        });

    // before 7.5: "Disconnecting: %.100s", with "Too many authentication failures for %.100s" before 7.0
    private static readonly Parser<char, AuthEvent> DisconnectingOld =
        Parser.Map(
            (reason, phase) => (AuthEvent)new SshdDisconnecting
            {
                Reason = reason, Phase = phase,
                User = reason.StartsWith(TooManyFor, StringComparison.Ordinal) ? reason[TooManyFor.Length..] : null,
            },
            Text, Phase);

    private const string TooManyFor = "Too many authentication failures for ";

    // "Read from socket failed: %s", "Write failed: %s"
    private static Parser<char, AuthEvent> SocketError(string operation) =>
        Parser.Map((reason, phase) => (AuthEvent)new SshdSocketError { Operation = operation, Reason = reason, Phase = phase }, Text, Phase);

    // "Connection from %s port %d on %s port %d%s%s%s" (VERBOSE): "... on 127.0.0.1 port 22 rdomain \"\""
    private static readonly Parser<char, AuthEvent> ConnectionFrom =
        Parser.Map(
            (remote, local, rdomain) => (AuthEvent)new SshdConnectionFrom
            {
                Remote = remote, LocalAddress = local.HasValue ? local.Value.Host : null, LocalPort = local.HasValue ? local.Value.Port : null,
                RoutingDomain = rdomain.HasValue ? rdomain.Value : null,
            },
            Tokens.RemoteEndpoint,
            Literal(" on ").Then(Tokens.RemoteEndpoint).Maybe(),
            Literal(" rdomain ").Then(Tokens.QuotedString).Maybe().Before(End));

    // "Starting session: %s%s%s for %s from %.200s port %d id %d": "shell on pts/0 for alice from H port N id 0"
    private static readonly Parser<char, AuthEvent> StartingSession =
        Parser.Map(
            (what, user, remote, id) => (AuthEvent)new SshdSessionStarted
            {
                Kind = what.Contains(" on ", StringComparison.Ordinal) ? Before(what, " on ", last: true) : what,
                Tty = what.Contains(" on ", StringComparison.Ordinal) ? After(what, " on ", last: true) : null,
                User = user, Remote = remote, SessionId = id,
            },
            Until(" for ").Before(Literal(" for ")), UserBeforeFrom, FromRemote, Literal(" id ").Then(Integer).Before(End));

    // "Close session: user %s from %.200s port %d id %d"
    private static readonly Parser<char, AuthEvent> CloseSession =
        Parser.Map(
            (user, remote, id) => (AuthEvent)new SshdSessionClosed { User = user, Remote = remote, SessionId = id },
            UserBeforeFrom, FromRemote, Literal(" id ").Then(Integer).Before(End));

    // "Accepted %s %s found at %s": "Accepted key ED25519 SHA256:... found at /home/a/.ssh/authorized_keys:3"
    private static Parser<char, AuthEvent> KeyFound(string kind) =>
        Parser.Map(
            (type, fingerprint, location, phase) => (AuthEvent)new SshdKeyFound { Kind = kind, KeyType = type, Fingerprint = fingerprint, Location = location, Phase = phase },
            CommonWord.Before(Space), Word.Before(Literal(" found at ")), Text, Phase);

    // "Address %.100s maps to %.600s, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!"
    private static readonly Parser<char, AuthEvent> AddressMapsTo =
        Parser.Map(
            (address, name, phase) => (AuthEvent)new SshdReverseMappingMismatch { Remote = RemoteEndpointParser.Create(address, null), Name = name, Phase = phase },
            Word.Before(Literal(" maps to ")), Until(", but this does not map back").Before(RestBefore(PreauthSuffix, PostauthSuffix)), Phase);

    // "reverse mapping checking getaddrinfo for %.700s [%s] failed - POSSIBLE BREAK-IN ATTEMPT!"
    // The name is whatever the client's DNS answers: the address is in the last brackets before "] failed".
    private static readonly Parser<char, AuthEvent> ReverseMappingFailed =
        UntilLast("] failed").Before(Text).Then(Phase, (nameAndAddress, phase) =>
        {
            var open = nameAndAddress.LastIndexOf(" [", StringComparison.Ordinal);
            return (AuthEvent)new SshdReverseMappingMismatch
            {
                Remote = open < 0 ? null : RemoteEndpointParser.Create(nameAndAddress.AsSpan(open + 2), null),
                Name = open < 0 ? nameAndAddress : nameAndAddress[..open],
                Phase = phase,
            };
        });

    // packet.c: "Corrupted MAC on input." and "Bad packet length %u."
    private static readonly Parser<char, AuthEvent> CorruptedMac =
        Phase.Select(phase => (AuthEvent)new SshdCorruptPacket { Reason = "Corrupted MAC on input", Phase = phase });

    private static readonly Parser<char, AuthEvent> BadPacketLength =
        Long.Before(Literal(".")).Then(Phase, (length, phase) => (AuthEvent)new SshdCorruptPacket { Reason = "Bad packet length", Length = length, Phase = phase });

    // serverloop.c (VERBOSE): "Read error from remote host %s port %d: %s"; 7.1 and before "Read error from remote host %.100s: %.100s"
    private static readonly Parser<char, AuthEvent> ReadError =
        Parser.Map(
            (remote, reason, phase) => (AuthEvent)new SshdReadError { Remote = remote, Reason = reason, Phase = phase },
            Until(": ").Select(HostAndPort).Before(Literal(": ")), Text, Phase);

    // auth.c (StrictModes): "Authentication refused: %s", "bad ownership or modes for file %s" and its kin
    private static readonly Parser<char, AuthEvent> AuthenticationRefused =
        Parser.Map((reason, phase) => (AuthEvent)new SshdAuthenticationRefused { Reason = reason, Phase = phase }, Text, Phase);

    // session.c: "subsystem request for %.100s by user %s failed, subsystem not found" (about 7.7+); before, without "by user %s"
    private static readonly Parser<char, AuthEvent> SubsystemNotFound =
        UntilLast(" failed, subsystem not found", allowEmpty: true).Before(Literal(" failed, subsystem not found")).Then(Phase, (head, phase) =>
        {
            var by = head.LastIndexOf(" by user ", StringComparison.Ordinal);
            return (AuthEvent)new SshdSubsystemNotFound
            {
                Subsystem = by < 0 ? head : head[..by],
                User = by < 0 ? null : StringPool.Shared.Get(head.AsSpan(by + " by user ".Length)),
                Phase = phase,
            };
        });

    // srclimit.c: "%s: new %s %s penalty of %.3f seconds for %s" / "%s: activating %s penalty of %.3f seconds for %s"
    private static readonly Parser<char, AuthEvent> Penalise =
        Parser.Map(
            (family, change, seconds, reason) => (AuthEvent)new SshdPenalty
            {
                Family = family, Network = change.Network, Active = change.Active, Reason = reason,
                Remote = RemoteEndpointParser.Create(Before(change.Network, "/"), null),
                Duration = Seconds(seconds),
            },
            Until(": ", intern: true).Before(Literal(": ")),
            Switch(
                ("new ", Parser.Map((network, state) => (Network: network, Active: state == "active"), Word.Before(Space), Word)),
                ("activating ", Word.Select(network => (Network: network, Active: true)))),
            Literal(" penalty of ").Then(Until(" seconds for ")).Before(Literal(" seconds for ")),
            Rest);

    // "drop connection #%d from [%s]:%d on [%s]:%d %s"
    private static readonly Parser<char, AuthEvent> DropConnection =
        Parser.Map(
            (number, host, port, local, localPort, reason) => (AuthEvent)new SshdConnectionDropped
            {
                Number = number, Remote = RemoteEndpointParser.Create(host, port), LocalAddress = local, LocalPort = localPort, Reason = reason,
            },
            Integer.Before(Literal(" from [")), Until("]").Before(Literal("]:")), Integer.Before(Literal(" on [")),
            Until("]").Before(Literal("]:")), Integer.Before(Space), Rest);

    // serverloop.c: "Timeout, client not responding from %s"
    private static readonly Parser<char, AuthEvent> ClientNotResponding =
        Parser.Map(
            (preamble, remote, phase) => (AuthEvent)new SshdClientTimeout { UserState = preamble.State, User = preamble.User, Remote = remote, Phase = phase },
            UserPreamble, Tokens.RemoteEndpoint, Phase);

    // "Transferred: sent %llu, received %llu bytes"
    private static readonly Parser<char, AuthEvent> Transferred =
        Parser.Map(
            (sent, received) => (AuthEvent)new SshdTransferred { Sent = sent, Received = received },
            Long.Before(Literal(", received ")), Long.Before(Literal(" bytes")).Before(End));

    /// <summary>An sshd message without its level prefix, dispatched on its leading words.</summary>
    public static readonly PrefixSwitch<AuthEvent> Message = Switch(
        ("Invalid user ", InvalidUser),
        ("Failed ", Failed),
        ("Accepted ", Accepted),
        ("Received disconnect from ", ReceivedDisconnect),
        ("Disconnected from ", Disconnected),
        ("Connection closed by ", ConnectionClosed),
        ("Connection reset by ", ConnectionReset),
        ("Unable to negotiate with ", UnableToNegotiate),
        ("kex_exchange_identification: ", KexIdentification),
        ("maximum authentication attempts exceeded for ", MaxAuthAttempts),
        ("Timeout before authentication for ", TimeoutBeforeAuthentication),
        ("Server listening on ", ServerListening),
        ("Received signal ", ReceivedSignal),
        ("Exiting on signal ", ExitingOnSignal),
        ("Received SIGHUP; restarting.", Restarting),
        ("PAM: ", PamError),
        ("Postponed ", NotYetAuthenticated("Postponed")),
        ("Partial ", NotYetAuthenticated("Partial")),
        ("input_userauth_request: invalid user ", InputUserauthInvalidUser),
        ("User ", UserNotAllowed),
        ("Access denied for user ", AccessDeniedByPam),
        ("ROOT LOGIN REFUSED FROM ", RootLoginRefused),
        ("refused connect from ", RefusedConnect),
        ("Did not receive identification string from ", NoIdentification),
        ("Bad protocol version identification '", BadProtocolVersion),
        ("banner exchange: Connection ", ConnectionError("banner exchange")),
        ("ssh_dispatch_run_fatal: Connection ", ConnectionError("ssh_dispatch_run_fatal")),
        ("Unable to negotiate a ", UnableToNegotiateOld),
        ("Disconnecting: ", DisconnectingOld),
        ("Disconnecting ", Disconnecting),
        ("Read from socket failed: ", SocketError("Read from socket")),
        ("Write failed: ", SocketError("Write")),
        ("Connection from ", ConnectionFrom),
        ("Starting session: ", StartingSession),
        ("Close session: user ", CloseSession),
        ("Accepted key ", KeyFound("key")),
        ("Accepted certificate ", KeyFound("certificate")),
        ("Address ", AddressMapsTo),
        ("reverse mapping checking getaddrinfo for ", ReverseMappingFailed),
        ("srclimit_penalise: ", Penalise),
        ("drop connection #", DropConnection),
        ("Timeout, client not responding from ", ClientNotResponding),
        ("Transferred: sent ", Transferred),
        ("Corrupted MAC on input.", CorruptedMac),
        ("Bad packet length ", BadPacketLength),
        ("Read error from remote host ", ReadError),
        ("no matching cipher found: client ", NoMatching("cipher")),
        ("no matching mac found: client ", NoMatching("MAC")),
        ("no matching comp found: client ", NoMatching("compression method")),
        ("no kex alg", NoAlgorithm("key exchange method")),
        ("no hostkey alg", NoAlgorithm("host key type")),
        ("Authentication refused: ", AuthenticationRefused),
        ("subsystem request for ", SubsystemNotFound));

    /// <summary>A whole sshd message: an optional <c>error: </c> / <c>fatal: </c> level, then <see cref="Message"/>.</summary>
    public static readonly Parser<char, AuthEvent> Body =
        Switch(
            ("error: ", Message.Select(e => WithLevel(e, SshdLogLevel.Error))),
            ("fatal: ", Message.Select(e => WithLevel(e, SshdLogLevel.Fatal))))
        .Otherwise(Message);

    // "192.0.2.9 port 55419" or "192.0.2.9" (and IPv6 alike): the host and its port.
    private static RemoteEndpoint HostAndPort(string text)
    {
        var port = text.LastIndexOf(" port ", StringComparison.Ordinal);
        return port > 0 && AsciiNumber.TryParseInt32(text.AsSpan(port + " port ".Length), out var p) && p <= 65535
            ? RemoteEndpointParser.Create(text.AsSpan(0, port), p)
            : RemoteEndpointParser.Create(text, null);
    }

    private static string Before(string text, string delimiter, bool last = false)
    {
        var at = last ? text.LastIndexOf(delimiter, StringComparison.Ordinal) : text.IndexOf(delimiter, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }

    private static string? After(string text, string delimiter, bool last = false)
    {
        var at = last ? text.LastIndexOf(delimiter, StringComparison.Ordinal) : text.IndexOf(delimiter, StringComparison.Ordinal);
        return at < 0 ? null : text[(at + delimiter.Length)..];
    }

    // "%.3f seconds": anything that is not a finite, representable number of seconds reads as zero rather than throwing.
    private static TimeSpan Seconds(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
        && double.IsFinite(s) && s >= 0 && s < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(s) : TimeSpan.Zero;

    private static AuthEvent WithLevel(AuthEvent e, SshdLogLevel level) => e is SshdEvent s ? s with { Level = level } : e;

    private static ImmutableArray<string> SplitOffer(string offer)
    {
        var span = offer.AsSpan();
        var builder = ImmutableArray.CreateBuilder<string>(span.Count(',') + 1);
        foreach (var range in span.Split(','))
        {
            if (!span[range].IsEmpty) builder.Add(StringPool.Shared.Get(span[range]));
        }
        return builder.DrainToImmutable();
    }

    // "ED25519 SHA256:k1kj..." (then certificate details): the key type, shared across lines, and the fingerprint, in one pass.
    private static (string? KeyType, string? Fingerprint) KeyOf(string? details)
    {
        if (details is null) return (null, null);
        var text = details.AsSpan();
        var space = text.IndexOf(' ');
        if (space <= 0) return (text.IsEmpty ? null : StringPool.Shared.Get(text), null);
        var rest = text[(space + 1)..];
        var end = rest.IndexOf(' ');
        var fingerprint = end < 0 ? rest : rest[..end];
        return (StringPool.Shared.Get(text[..space]), fingerprint.IsEmpty ? null : new string(fingerprint));
    }
}
