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
    internal const string PostauthSuffix = " [postauth]";

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
    public static readonly Parser<char, string> Text = RestBefore(PreauthSuffix, PostauthSuffix);

    /// <summary>A user name followed by <c> from </c>: the last <c> from </c> ends it, so names with spaces survive.</summary>
    public static readonly Parser<char, string> UserBeforeFrom = UntilLast(" from ", allowEmpty: true);

    /// <summary><c>from H port N</c> after a user name: <c> from 187.32.120.215 port 54110</c>.</summary>
    public static readonly Parser<char, RemoteEndpoint> FromRemote = Literal(" from ").Then(Tokens.RemoteEndpoint);

    /// <summary><c>invalid user </c> before a user name, if present.</summary>
    public static readonly Parser<char, bool> InvalidUserMarker =
        Literal("invalid user ").Optional().Select(m => m.HasValue);

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
    public static readonly Parser<char, Maybe<string>> Details = Literal(": ").Then(Text).Optional();

    // "Invalid user %.100s from %.100s port %d"
    private static readonly Parser<char, AuthEvent> InvalidUser =
        Parser.Map(
            (user, remote, phase) => (AuthEvent)new SshdInvalidUser { User = user, Remote = remote, Phase = phase },
            UserBeforeFrom, FromRemote, Phase);

    // "%s %s%s%s for %s%.100s from %.200s port %d ssh2%s%s": "Failed password for invalid user admin from H port N ssh2"
    private static readonly Parser<char, AuthEvent> Failed =
        Parser.Map(
            (method, invalid, user, remote, protocol, details, phase) => (AuthEvent)new SshdFailedAuthentication
            {
                Method = method, InvalidUser = invalid, User = user, Remote = remote,
                Protocol = protocol.GetValueOrDefault(), Details = details.GetValueOrDefault(), Phase = phase,
            },
            Until(" for ", intern: true).Before(Literal(" for ")), InvalidUserMarker, UserBeforeFrom, FromRemote, Protocol, Details, Phase);

    // "Accepted publickey for vagrant from 10.0.2.2 port 48274 ssh2: ED25519 SHA256:k1kj..."
    private static readonly Parser<char, AuthEvent> Accepted =
        Parser.Map(
            (method, user, remote, protocol, details, phase) => (AuthEvent)new SshdAcceptedAuthentication
            {
                Method = method, User = user, Remote = remote, Protocol = protocol.GetValueOrDefault(),
                KeyType = NthWord(details, 0), Fingerprint = NthWord(details, 1),
                Details = details.GetValueOrDefault(), Phase = phase,
            },
            Until(" for ", intern: true).Before(Literal(" for ")), UserBeforeFrom, FromRemote, Protocol, Details, Phase);

    // "Received disconnect from %s port %d:%u: %.400s": "Received disconnect from H port 60580:11: Bye Bye [preauth]"
    private static readonly Parser<char, AuthEvent> ReceivedDisconnect =
        Parser.Map(
            (remote, code, reason, phase) => (AuthEvent)new SshdReceivedDisconnect { Remote = remote, Code = code, Reason = reason, Phase = phase },
            Tokens.RemoteEndpoint.Before(Literal(":")), Integer.Before(Literal(":")), Space.Optional().Then(Text), Phase);

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
    private static readonly Parser<char, AuthEvent> UnableToNegotiate =
        Parser.Map(
            (remote, algorithm, offer, phase) => (AuthEvent)new SshdNegotiationFailed { Remote = remote, Algorithm = algorithm, Offer = SplitOffer(offer), Phase = phase },
            Tokens.RemoteEndpoint.Before(Literal(": no matching ")),
            Until(" found", intern: true).Before(Literal(" found. Their offer: ")),
            Text, Phase);

    // "kex_exchange_identification: %s": "Connection closed by remote host", "read: Connection reset by peer"
    private static readonly Parser<char, AuthEvent> KexIdentification =
        Parser.Map((reason, phase) => (AuthEvent)new SshdIdentificationError { Reason = reason, Phase = phase }, Text, Phase);

    // "maximum authentication attempts exceeded for %s%.100s from %.200s port %d ssh2"
    private static readonly Parser<char, AuthEvent> MaxAuthAttempts =
        Parser.Map(
            (invalid, user, remote, _, phase) => (AuthEvent)new SshdMaxAuthAttempts { InvalidUser = invalid, User = user, Remote = remote, Phase = phase },
            InvalidUserMarker, UserBeforeFrom, FromRemote, Protocol, Phase);

    // "Timeout before authentication for %s port %d" (OpenSSH before 9.8, as fatal)
    private static readonly Parser<char, AuthEvent> TimeoutBeforeAuthentication =
        Parser.Map((remote, phase) => (AuthEvent)new SshdTimeout { Remote = remote, Phase = phase }, Tokens.RemoteEndpoint, Phase);

    // "Server listening on %s port %s%s%s."
    private static readonly Parser<char, AuthEvent> ServerListening =
        Parser.Map(
            (address, port) => (AuthEvent)new SshdServerListening { Address = address, Port = port },
            Word.Before(Literal(" port ")), Integer.Before(Literal(".")).Before(End));

    // "Received signal %d; terminating."
    private static readonly Parser<char, AuthEvent> ReceivedSignal =
        Integer.Before(Literal("; terminating.")).Before(End).Select(signal => (AuthEvent)new SshdReceivedSignal { Signal = signal });

    // "PAM: %s for %s%.100s from %.100s": "PAM: Authentication failure for illegal user r00t from example.com"
    private static readonly Parser<char, AuthEvent> PamError =
        Parser.Map(
            (reason, illegal, user, remote, phase) => (AuthEvent)new SshdPamError { Reason = reason, InvalidUser = illegal, User = user, Remote = remote, Phase = phase },
            Until(" for ").Before(Literal(" for ")),
            Literal("illegal user ").Optional().Select(m => m.HasValue),
            UserBeforeFrom, FromRemote, Phase);

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
        ("PAM: ", PamError));

    /// <summary>A whole sshd message: an optional <c>error: </c> / <c>fatal: </c> level, then <see cref="Message"/>.</summary>
    public static readonly Parser<char, AuthEvent> Body =
        Switch(
            ("error: ", Message.Select(e => WithLevel(e, SshdLogLevel.Error))),
            ("fatal: ", Message.Select(e => WithLevel(e, SshdLogLevel.Fatal))))
        .Otherwise(Message);

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

    private static string? NthWord(Maybe<string> text, int n)
    {
        if (!text.HasValue) return null;
        var index = 0;
        var span = text.Value.AsSpan();
        foreach (var range in span.Split(' '))
        {
            if (index++ == n) return span[range].IsEmpty ? null : StringPool.Shared.Get(span[range]);
        }
        return null;
    }
}
