using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Dropbear;

/// <summary>
/// The authentication lines of Dropbear SSH (mkj/dropbear: <c>svr-authpasswd.c</c>, <c>svr-authpam.c</c>, <c>svr-authpubkey.c</c>,
/// <c>svr-auth.c</c>, <c>svr-session.c</c>, <c>svr-main.c</c>; since 2020 under <c>src/</c>), including the 0.4x lower-case
/// texts and the doubled form of Dropbear's stderr captured by journald
/// (<c>dropbear[825]: [825] Jul 10 23:53:52 Bad password attempt for 'root' from 1.2.3.4:52289</c>).
/// </summary>
/// <remarks>
/// Addresses are <c>H:P</c>, IPv6 unbracketed (<c>2001:db8::5:40122</c>): the port follows the last colon. A quoted user name
/// is read up to the <em>last</em> <c>' from </c> (or <c>' with </c>) of the line, and the address after it, so a name
/// holding <c>' from 6.6.6.6:22</c> stays part of the name.
/// </remarks>
public static class DropbearGrammar
{
    private const string ExtraAuthRequired = ", extra auth required";
    private const string InvalidUsername = "<invalid username>";
    private const string InvalidUserText = "is invalid";

    /// <summary>Dropbear's <c>H:P</c>: <c>203.0.113.7:60588</c>, <c>2001:db8::5:40122</c> (port after the last colon).</summary>
    public static readonly Parser<char, RemoteEndpoint> Address = new DropbearAddressParser();

    // "%s" of "... from %s" (svr_ses.addrstring) ending the line
    private static readonly Parser<char, RemoteEndpoint> AddressAtEnd = Address.Before(End);

    /// <summary>
    /// <c>root' from 203.0.113.7:60588</c> after an opening quote: the name up to the last <c>' from </c>, then the address ending the line.
    /// </summary>
    public static readonly Parser<char, (string User, RemoteEndpoint Remote)> QuotedUserFrom =
        Parser.Map(
            (user, remote) => (user, remote),
            UntilLast("' from ", allowEmpty: true, intern: true).Before(Literal("' from ")),
            AddressAtEnd);

    // "'%s' from %s" with the optional ", extra auth required" of svr_opts.multiauthmethod (2020+)
    private static readonly Parser<char, (string User, RemoteEndpoint Remote, bool Extra)> QuotedUserFromMaybeExtra =
        Parser.Map(
            (user, remote, extra) => (user, remote, extra),
            UntilLast("' from ", allowEmpty: true, intern: true).Before(Literal("' from ")),
            Address,
            OptionalSuffix(ExtraAuthRequired));

    // "Bad password attempt for '%s' from %s" (svr-authpasswd.c; 0.4x "bad password attempt ..."),
    // "Bad PAM password attempt for '%s' from %s" (svr-authpam.c, '<invalid username>' for no such user)
    private static Parser<char, AuthEvent> BadPassword(bool pam) =>
        QuotedUserFrom.Select(x => (AuthEvent)new DropbearBadPassword
        {
            User = x.User, Remote = x.Remote, Pam = pam, InvalidUser = x.User == InvalidUsername,
        });

    // "Login attempt for nonexistent user from %s" (svr-auth.c checkusername); fail2ban's filter also allows a quoted name
    // ("... nonexistent user '%s' from %s", older releases: not found in a source read)
    private static readonly Parser<char, AuthEvent> NonexistentUser =
        Switch(
            ("from ", AddressAtEnd.Select(remote => (AuthEvent)new DropbearNonexistentUser { Remote = remote })),
            ("'", QuotedUserFrom.Select(x => (AuthEvent)new DropbearNonexistentUser { User = x.User, Remote = x.Remote })));

    // "Password auth succeeded for '%s' from %s[, extra auth required]" (svr-authpasswd.c),
    // "PAM password auth succeeded for '%s' from %s[, extra auth required]" (svr-authpam.c)
    private static Parser<char, AuthEvent> PasswordSucceeded(bool pam) =>
        QuotedUserFromMaybeExtra.Select(x => (AuthEvent)new DropbearAuthSucceeded
        {
            Method = "password", Pam = pam, User = x.User, Remote = x.Remote, ExtraAuthRequired = x.Extra,
        });

    // "%s key %s from " (new: type, fingerprint) or "key %s from " (old: fingerprint, "md5 0c:9a:..." holds a space)
    private static readonly Parser<char, (string? KeyType, string Fingerprint)> KeyAndFingerprint =
        Switch(("key ", UntilLast(" from ").Select(fp => ((string?)null, fp))))
        .Otherwise(Parser.Map(
            (type, fp) => ((string?)type, fp),
            Until(" key ", intern: true).Before(Literal(" key ")),
            UntilLast(" from ")));

    // "Pubkey auth succeeded for '%s' with %s key %s from %s" (src/svr-authpubkey.c; + ", extra auth required"),
    // "Pubkey auth succeeded for '%s' with key %s from %s" (older), "pubkey auth succeeded for ..." (0.4x)
    private static readonly Parser<char, AuthEvent> PubkeySucceeded =
        Parser.Map(
            (user, key, remote, extra) => (AuthEvent)new DropbearAuthSucceeded
            {
                Method = "publickey", User = user, KeyType = key.KeyType, Fingerprint = key.Fingerprint, Remote = remote,
                ExtraAuthRequired = extra,
            },
            UntilLast("' with ", allowEmpty: true, intern: true).Before(Literal("' with ")),
            KeyAndFingerprint.Before(Literal(" from ")),
            Address,
            OptionalSuffix(ExtraAuthRequired));

    // "Pubkey auth attempt with unknown algo for '%s' from %s" (older svr-authpubkey.c checkpubkey; also lower-case)
    private static readonly Parser<char, AuthEvent> UnknownAlgorithm =
        QuotedUserFrom.Select(x => (AuthEvent)new DropbearUnknownKeyAlgorithm { User = x.User, Remote = x.Remote });

    // "User account '%s' is locked" (svr-authpasswd.c; no address)
    private static readonly Parser<char, AuthEvent> AccountLocked =
        UntilLast("' is locked", allowEmpty: true, intern: true).Before(Literal("' is locked")).Before(End)
            .Select(user => (AuthEvent)new DropbearAccountLocked { User = user });

    // "Child connection from %s:%s" (svr-main.c main_noinetd / main_inetd)
    private static readonly Parser<char, AuthEvent> ChildConnection =
        AddressAtEnd.Select(remote => (AuthEvent)new DropbearChildConnection { Remote = remote });

    private readonly record struct UserFails(string User, int Count);

    private readonly record struct ExitReason(string Text, bool MaxTries, string? User, RemoteEndpoint? Remote);

    // "(user '%s', %u fails): " of "Exit before auth", after "(user '" (pw_name, failcount; "%d" before 2020)
    private static readonly Parser<char, UserFails> UserAndFails =
        Parser.Map(
            (user, count) => new UserFails(user, count),
            Until("', ", allowEmpty: true, intern: true).Before(Literal("', ")),
            Integer.Before(Literal(" fails): ")));

    // The exit message of svr_dropbear_exit: "Max auth tries reached - user '%s' from %s" (svr-auth.c, before 2020),
    // "Max auth tries reached - user '%s'" (src/svr-auth.c, the address in the prefix), or any other text ("Exited normally")
    private static readonly Parser<char, ExitReason> Reason =
        Switch(
            ("Max auth tries reached - user '", FirstOf(
                QuotedUserFrom.Select(x => new ExitReason("", true, x.User, x.Remote)),
                UntilLast("'", allowEmpty: true, intern: true).Before(Literal("'")).Before(End)
                    .Select(user => new ExitReason("", true, user, null)))))
        .Otherwise(new RestParser([], allowEmpty: false, intern: true).Select(text => new ExitReason(text, false, null, null)));

    private static AuthEvent BeforeAuth(RemoteEndpoint? prefix, Maybe<UserFails> fails, ExitReason reason)
    {
        var user = fails.HasValue ? fails.Value.User : reason.User;
        int? count = fails.HasValue ? fails.Value.Count : null;
        return reason.MaxTries
            ? new DropbearMaxAuthTries
            {
                User = user, Failures = count, InvalidUser = user == InvalidUserText, Remote = prefix ?? reason.Remote,
            }
            : new DropbearExitBeforeAuth { User = user, Failures = count, Remote = prefix, Reason = reason.Text };
    }

    private static readonly Parser<char, Maybe<UserFails>> NoUser = Parser<char>.Return(Maybe.Nothing<UserFails>());

    // "Exit before auth from <%s>: (user '%s', %u fails): %s" / "Exit before auth from <%s>: %s" (src/svr-session.c, 2020+)
    private static readonly Parser<char, AuthEvent> BeforeAuthFrom =
        Parser.Map(
            (remote, fails, reason) => BeforeAuth(remote, fails, reason),
            Address.Before(Literal(">: ")),
            Literal("(user '").Then(UserAndFails).Maybe(),
            Reason);

    // "Exit before auth (user '%s', %d fails): %s" (svr-session.c before 2020; 0.4x "exit before auth (user ...")
    private static readonly Parser<char, AuthEvent> BeforeAuthWithUser =
        Parser.Map((fails, reason) => BeforeAuth(null, Maybe.Just(fails), reason), UserAndFails, Reason);

    // "Exit before auth: %s" (before 2020; 0.4x "exit before auth: %s")
    private static readonly Parser<char, AuthEvent> BeforeAuthNoUser =
        Parser.Map((fails, reason) => BeforeAuth(null, fails, reason), NoUser, Reason);

    private static readonly Parser<char, string> ExitText = new RestParser([], allowEmpty: false, intern: true);

    // "Exit (%s) from <%s>: %s" (src/svr-session.c, 2020+): the user up to the last ") from <". A reason that holds "): " could
    // be an old "Exit (%s): %s" line whose name holds ") from <...>: ", so such a line reports no address.
    private static readonly Parser<char, AuthEvent> ExitFrom =
        Parser.Map(
            (user, remote, reason) => (AuthEvent)new DropbearExit
            {
                User = user, Remote = reason.Contains("): ", StringComparison.Ordinal) ? null : remote, Reason = reason,
            },
            UntilLast(") from <", allowEmpty: true, intern: true).Before(Literal(") from <")),
            Address.Before(Literal(">: ")),
            ExitText);

    // "Exit (%s): %s" (svr-session.c before 2020), "exit after auth (%s): %s" (0.4x)
    private static readonly Parser<char, AuthEvent> ExitNoAddress =
        Parser.Map(
            (user, reason) => (AuthEvent)new DropbearExit { User = user, Reason = reason },
            Until("): ", allowEmpty: true, intern: true).Before(Literal("): ")),
            ExitText);

    private static readonly Parser<char, AuthEvent> Message = Switch(
        ("Bad password attempt for '", BadPassword(pam: false)),
        ("bad password attempt for '", BadPassword(pam: false)),
        ("Bad PAM password attempt for '", BadPassword(pam: true)),
        ("Login attempt for nonexistent user ", NonexistentUser),
        ("login attempt for nonexistent user ", NonexistentUser),
        ("Password auth succeeded for '", PasswordSucceeded(pam: false)),
        (PamSucceeded, PasswordSucceeded(pam: true)),
        ("Pubkey auth succeeded for '", PubkeySucceeded),
        ("pubkey auth succeeded for '", PubkeySucceeded),
        ("Pubkey auth attempt with unknown algo for '", UnknownAlgorithm),
        ("pubkey auth attempt with unknown algo for '", UnknownAlgorithm),
        ("User account '", AccountLocked),
        ("Child connection from ", ChildConnection),
        ("Exit before auth from <", BeforeAuthFrom),
        ("Exit before auth (user '", BeforeAuthWithUser),
        ("exit before auth (user '", BeforeAuthWithUser),
        ("Exit before auth: ", BeforeAuthNoUser),
        ("exit before auth: ", BeforeAuthNoUser),
        ("Exit (", FirstOf(ExitFrom, ExitNoAddress)),
        ("exit after auth (", ExitNoAddress));

    // "[%d] %s %s" of svr_dropbear_log writing to stderr (pid, "%b %d %H:%M:%S", message), when journald or a supervisor
    // captures it: "[825] Jul 10 23:53:52 " before the message (fail2ban gh-3597)
    private static readonly Parser<char, Unit> StderrPrefix =
        Literal("[").Then(Integer).Then(Literal("] ")).Then(Syslog.Timestamp).Then(Space);

    /// <summary>
    /// A whole Dropbear message, with or without the stderr prefix: <c>Bad password attempt for 'root' from 1.2.3.4:52289</c>,
    /// <c>[825] Jul 10 23:53:52 Bad password attempt for 'root' from 1.2.3.4:52289</c>.
    /// </summary>
    public static readonly Parser<char, AuthEvent> Body = StderrPrefix.Maybe().Then(Message);

    internal const string PamSucceeded = "PAM password auth succeeded for '";
}
