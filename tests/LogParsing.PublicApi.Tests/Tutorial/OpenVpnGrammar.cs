using LogParsing;
using LogParsing.Grammar;
using Pidgin;
using static LogParsing.Grammar.Scan;

namespace Tutorial;

/// <summary>
/// The client messages of an OpenVPN server, after <c>openvpn[1234]: </c>: a peer, then what happened.
/// Plug it in with <c>AuthLogParser.Default.WithProgram("openvpn", OpenVpnGrammar.Body)</c>.
/// </summary>
public static class OpenVpnGrammar
{
    /// <summary><c>203.0.113.5:51234</c>: OpenVPN writes address:port, not sshd's <c>H port N</c>.</summary>
    public static readonly Parser<char, RemoteEndpoint> Endpoint =
        Parser.Map((address, port) => new RemoteEndpoint(address.ToString(), address, port),
            Tokens.IPAddress.Before(Literal(":")), Tokens.Port);

    /// <summary>
    /// <c>203.0.113.5:51234 </c>, or <c>alice/203.0.113.5:51234 </c> once the client's common name is known.
    /// <see cref="Tokens.IPAddress"/> fails without consuming on <c>alice</c>, so <c>Or</c> needs no <c>Try</c>.
    /// </summary>
    public static readonly Parser<char, (string? Name, RemoteEndpoint Remote)> Peer =
        Endpoint.Select(remote => ((string?)null, remote))
            .Or(Parser.Map((name, remote) => ((string?)name, remote), WordUntil("/ ").Before(Literal("/")), Endpoint))
            .Before(Space);

    // "TLS Auth Error: Auth Username/Password verification failed for peer"
    private static readonly Parser<char, AuthEvent> AuthError =
        Rest.Select(reason => (AuthEvent)new OpenVpnAuthFailed { Reason = reason });

    // "TLS Error: TLS handshake failed"
    private static readonly Parser<char, AuthEvent> TlsError =
        Rest.Select(reason => (AuthEvent)new OpenVpnTlsError { Reason = reason });

    // "TLS: Username/Password authentication succeeded for username 'alice' [CN SET]" (a space, then nothing, without CN SET)
    private static readonly Parser<char, AuthEvent> UserAuthenticated =
        Parser.Map((user, cnSet) => (AuthEvent)new OpenVpnUserAuthenticated { User = user, CommonNameSet = cnSet },
            Tokens.UserName.Before(Literal("'")),
            Space.Optional().Then(OptionalSuffix("[CN SET]")));

    // "[alice] Peer Connection Initiated with [AF_INET]198.51.100.23:40112" (after the switch took the "[")
    private static readonly Parser<char, AuthEvent> PeerConnected =
        Parser.Map((name, family, _) => (AuthEvent)new OpenVpnPeerConnected { User = name, AddressFamily = family },
            Until("]").Before(Literal("] Peer Connection Initiated with ")), Tokens.Bracketed, Endpoint);

    // "SIGTERM[soft,remote-exit] received, client-instance exiting", "SIGUSR1[soft,ping-restart] received, client-instance restarting"
    private static readonly Parser<char, AuthEvent> InstanceEnded =
        Parser.Map((signal, detail, action) => (AuthEvent)new OpenVpnClientInstanceEnded
            {
                Signal = signal, Reason = detail[(detail.IndexOf(',') + 1)..], Restarting = action == "restarting",
            },
            WordUntil("[ "), Tokens.Bracketed.Before(Literal(" received, client-instance ")), Word);

    /// <summary>What follows the peer: one look at the leading words picks the message; a signal name is the other case.</summary>
    public static readonly Parser<char, AuthEvent> Message =
        Switch(
            ("TLS Auth Error: ", AuthError),
            ("TLS Error: ", TlsError),
            ("TLS: Username/Password authentication succeeded for username '", UserAuthenticated),
            ("[", PeerConnected))
        .Otherwise(InstanceEnded);

    /// <summary>
    /// A whole client message, its peer's name and address on the event. A message this grammar does not know fails, and
    /// the entry is then an <see cref="UnrecognizedEvent"/> with the text in <see cref="AuthLogEntry.Message"/>.
    /// </summary>
    public static readonly Parser<char, AuthEvent> Body =
        Parser.Map((peer, evt) => evt with { User = evt.User ?? peer.Name, Remote = peer.Remote }, Peer, Message);
}
