using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Login;

/// <summary>
/// login(1)'s own lines (tag <c>login</c>): shadow-utils <c>src/login.c</c> (Debian and Ubuntu up to Debian 12), util-linux
/// <c>login-utils/login.c</c> (RHEL, Fedora, SUSE, Arch, Debian 13), and BSD login's refusals. PAM lines under <c>login</c>
/// (<c>pam_unix(login:auth): ...</c>) are read by the PAM grammar.
/// </summary>
/// <remarks>
/// A typed name is read from the right: util-linux writes it unquoted before <c>, &lt;PAM error&gt;</c> (a fixed text), shadow
/// quotes it without escaping. The host (telnetd's or rlogind's <c>-h</c>) comes before the name in the failure lines, so it
/// is read from the left and a name holding <c> from 6.6.6.6</c> never becomes the host.
/// </remarks>
public static class LoginGrammar
{
    private const string ShadowUnknown = "UNKNOWN";
    private const string UtilUnknown = "(unknown)";

    private readonly record struct Place(string? Tty, RemoteEndpoint? Remote);

    private readonly record struct Attempt(Place Place, string User, bool Unknown, string? Error);

    private static Place ShadowPlace(string tty, string? host) =>
        new(tty.Length == 0 || tty == ShadowUnknown ? null : tty, host is null ? null : RemoteEndpointParser.Create(host, null));

    // util-linux writes the host, else the tty name (no /dev/), else "<unknown>"; 2011-era releases printed a null host as "(null)"
    private static Place UtilPlace(string text) =>
        text is "<unknown>" or "(null)" ? default
        : LooksLikeTty(text) ? new Place(text, null)
        : new Place(null, RemoteEndpointParser.Create(text, null));

    private static bool LooksLikeTty(string text) =>
        text.Contains('/') || text.StartsWith("tty", StringComparison.Ordinal) || text.StartsWith("hvc", StringComparison.Ordinal)
        || text == "console";

    private static readonly Parser<char, string> Error = new RestParser([], allowEmpty: false, intern: true);

    // shadow's fromhost " on '%.100s' from '%.200s'" / " on '%.100s'" before " FOR '", after " on '": the host precedes the name
    private static readonly Parser<char, Place> ShadowPlaceBeforeFor =
        Parser.Map(
            ShadowPlace,
            Until("'", allowEmpty: true, intern: true),
            Switch(
                ("' from '", Until("' FOR '").Before(Literal("' FOR '")).Select(host => (string?)host)),
                ("' FOR '", Parser<char>.Return((string?)null))));

    // shadow's fromhost ending the line ("ROOT LOGIN %s", "'%s' logged in %s"), after "on '"
    private static readonly Parser<char, Place> ShadowPlaceAtEnd =
        Parser.Map(
            ShadowPlace,
            Until("'", allowEmpty: true, intern: true),
            Switch(
                ("' from '", UntilLast("'").Before(Literal("'")).Before(End).Select(host => (string?)host)),
                ("'", End.ThenReturn((string?)null))));

    // util-linux "FROM %s FOR ", after "FROM ": the host (or tty, or "<unknown>") precedes the name
    private static readonly Parser<char, Place> UtilFrom =
        Until(" FOR ", intern: true).Before(Literal(" FOR ")).Select(UtilPlace);

    // "'%s', %s" after shadow's "FOR '": the name to the last "', " (PAM's error texts hold none)
    private static readonly Parser<char, Attempt> ShadowUserAndError =
        Parser.Map(
            (user, error) => new Attempt(default, user, user == ShadowUnknown, error),
            UntilLast("', ", allowEmpty: true, intern: true).Before(Literal("', ")),
            Error);

    // "%s, %s" after util-linux's "FOR ": the name to the last ", ", then pam_strerror's text
    private static readonly Parser<char, Attempt> UtilUserAndError =
        Parser.Map(
            (user, error) => new Attempt(default, user, user == UtilUnknown, error),
            UntilLast(", ", allowEmpty: true, intern: true).Before(Literal(", ")),
            Error);

    private static AuthEvent Failed(int? number, Place place, Attempt a, bool session) => new LoginFailed
    {
        Attempt = number, Tty = place.Tty, Remote = place.Remote, User = a.User, UnknownUser = a.Unknown, Error = a.Error!,
        Session = session,
    };

    // shadow "FAILED LOGIN (%u)%s FOR '%s', %s" ("%d" in older releases), after "FAILED LOGIN ("
    private static readonly Parser<char, AuthEvent> ShadowFailed =
        Parser.Map(
            (number, place, attempt) => Failed(number, place, attempt, session: false),
            Integer.Before(Literal(") on '")),
            ShadowPlaceBeforeFor,
            ShadowUserAndError);

    // util-linux "FAILED LOGIN %u FROM %s FOR %s, %s" ("%d" in 2011), after "FAILED LOGIN "
    private static readonly Parser<char, AuthEvent> UtilFailed =
        Parser.Map(
            (number, place, attempt) => Failed(number, place, attempt, session: false),
            Integer.Before(Literal(" FROM ")),
            UtilFrom,
            UtilUserAndError);

    // util-linux "FAILED LOGIN SESSION FROM %s FOR %s, %s", after "FAILED LOGIN SESSION FROM "
    private static readonly Parser<char, AuthEvent> UtilFailedSession =
        Parser.Map((place, attempt) => Failed(null, place, attempt, session: true), UtilFrom, UtilUserAndError);

    // shadow "TOO MANY LOGIN TRIES (%u)%s FOR '%s'" after ") on '", util-linux "TOO MANY LOGIN TRIES (%u) FROM %s FOR %s, %s" after ") FROM "
    private static readonly Parser<char, Attempt> TooManyTail =
        Switch(
            (") on '", Parser.Map(
                (place, user) => new Attempt(place, user, user == ShadowUnknown, null),
                ShadowPlaceBeforeFor,
                UntilLast("'", allowEmpty: true, intern: true).Before(Literal("'")).Before(End))),
            (") FROM ", Parser.Map((place, attempt) => attempt with { Place = place }, UtilFrom, UtilUserAndError)));

    // after "TOO MANY LOGIN TRIES ("
    private static readonly Parser<char, AuthEvent> TooMany =
        Parser.Map(
            (number, a) => (AuthEvent)new LoginTooManyTries
            {
                Attempts = number, Tty = a.Place.Tty, Remote = a.Place.Remote, User = a.User, UnknownUser = a.Unknown, Error = a.Error,
            },
            Integer,
            TooManyTail);

    // util-linux " FROM %s" ending a success line (the -h host), or nothing
    private static readonly Parser<char, RemoteEndpoint?> UtilFromAtEnd =
        Switch((" FROM ", Word.Before(End).Select(host => (RemoteEndpoint?)RemoteEndpointParser.Create(host, null))))
        .Otherwise(End.ThenReturn((RemoteEndpoint?)null));

    // util-linux "ROOT LOGIN ON %s" / "ROOT LOGIN ON %s FROM %s" (log_syslog), after "ROOT LOGIN ON "
    private static readonly Parser<char, AuthEvent> UtilRootLogin =
        Parser.Map(
            (tty, remote) => (AuthEvent)new LoginAccepted { Root = true, Tty = tty, Remote = remote },
            CommonWord,
            UtilFromAtEnd);

    // util-linux "LOGIN ON %s BY %s" / "LOGIN ON %s BY %s FROM %s" (log_syslog; the name is the account's pw_name), after "LOGIN ON "
    private static readonly Parser<char, AuthEvent> UtilLogin =
        Parser.Map(
            (tty, user, remote) => (AuthEvent)new LoginAccepted { Tty = tty, User = user, Remote = remote },
            CommonWord.Before(Literal(" BY ")),
            CommonWord,
            UtilFromAtEnd);

    // util-linux "DIALUP AT %s BY %s" (log_syslog, ttyS lines), after "DIALUP AT "
    private static readonly Parser<char, AuthEvent> UtilDialup =
        Parser.Map(
            (tty, user) => (AuthEvent)new LoginDialup { Tty = tty, User = user },
            CommonWord.Before(Literal(" BY ")),
            CommonWord.Before(End));

    // shadow "ROOT LOGIN %s" with fromhost: "ROOT LOGIN  on '/dev/tty1'" (two spaces), after "ROOT LOGIN  on '"
    private static readonly Parser<char, AuthEvent> ShadowRootLogin =
        ShadowPlaceAtEnd.Select(place => (AuthEvent)new LoginAccepted { Root = true, Tty = place.Tty, Remote = place.Remote });

    // shadow "'%s' logged in %s" (LOG_OK_LOGINS): "'alice' logged in  on '/dev/tty2'", after "'"; the name to the last "' logged in  on '"
    private static readonly Parser<char, AuthEvent> ShadowLoggedIn =
        Parser.Map(
            (user, place) => (AuthEvent)new LoginAccepted { User = user, Tty = place.Tty, Remote = place.Remote },
            UntilLast("' logged in  on '", allowEmpty: true, intern: true).Before(Literal("' logged in  on '")),
            ShadowPlaceAtEnd);

    // BSD "LOGIN %s REFUSED FROM %s ON TTY %s" / "LOGIN %s REFUSED ON TTY %s", after "LOGIN ": the name to the last " REFUSED"
    private static readonly Parser<char, AuthEvent> BsdRefused =
        Parser.Map(
            (user, place) => (AuthEvent)new LoginRefused { User = user, Tty = place.Tty!, Remote = place.Remote },
            UntilLast(" REFUSED", allowEmpty: true, intern: true).Before(Literal(" REFUSED")),
            Switch(
                (" FROM ", Parser.Map(
                    (host, tty) => new Place(tty, RemoteEndpointParser.Create(host, null)),
                    Until(" ON TTY ").Before(Literal(" ON TTY ")),
                    CommonWord.Before(End))),
                (" ON TTY ", CommonWord.Before(End).Select(tty => new Place(tty, null)))));

    private static readonly Parser<char, AuthEvent> Message = Switch(
        ("FAILED LOGIN (", ShadowFailed),
        ("FAILED LOGIN SESSION FROM ", UtilFailedSession),
        ("FAILED LOGIN ", UtilFailed),
        ("TOO MANY LOGIN TRIES (", TooMany),
        ("ROOT LOGIN ON ", UtilRootLogin),
        ("ROOT LOGIN  on '", ShadowRootLogin),
        ("LOGIN ON ", UtilLogin),
        ("DIALUP AT ", UtilDialup),
        ("'", ShadowLoggedIn),
        ("LOGIN ", BsdRefused));

    /// <summary>
    /// A whole login message in any of the forms above: <c>FAILED LOGIN (1) on '/dev/tty1' FOR 'UNKNOWN', Authentication failure</c>,
    /// <c>LOGIN ON pts/1 BY alice FROM 192.0.2.5</c>.
    /// </summary>
    public static readonly Parser<char, AuthEvent> Body = Message;
}
