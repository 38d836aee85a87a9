using System.Collections.Immutable;
using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Pam;

/// <summary>
/// Lines of PAM modules, under whatever program loaded them: <c>module(service:type): message</c>
/// (linux-pam <c>pam_syslog</c>), read from the first character of the message.
/// </summary>
public static class PamGrammar
{
    /// <summary>
    /// The <c>pam_unix(sshd:auth): </c> prefix: module, service and management group, each a word without spaces, written
    /// <c>module(service:type): </c>; read in one scan (the composed form, three words before <c>(</c>, <c>:</c> and
    /// <c>): </c>, is what the tests hold it to).
    /// </summary>
    public static readonly Parser<char, (string Module, string Service, string Type)> Prefix = new PamPrefixParser();

    // What a message said, before the prefix's module, service and type are joined to it (no closure per line).
    private enum Kind
    {
        SessionOpened, SessionClosed, AuthenticationFailure, AuthenticationSuccess, UserUnknown, PasswordChanged, RequirementNotMet,
        AccountExpired, PasswordExpired, PasswordExpiring, AccountLocked, AccessDenied, BadUsername, SystemdSession, EnvFile,
        ChangedInFuture, MoreFailures,
    }

    private readonly record struct Said(
        Kind Kind, (string? Name, int? Uid) User = default, (string? Name, int? Uid) By = default, PamFields Fields = default,
        string? Text = null, string? Detail = null, int? Number = null, int? Other = null);

    // "session opened for user %s(uid=%s) by %s(uid=%lu)"; before linux-pam 1.4: "session opened for user %s by %s(uid=%lu)"
    private static readonly Parser<char, Said> SessionOpened =
        Parser.Map(
            (user, by) => new Said(Kind.SessionOpened, user, by),
            new NameAndUidParser(" by "), Literal(" by ").Then(new NameAndUidParser(null)));

    // "session closed for user %s"
    private static readonly Parser<char, Said> SessionClosed = new NameAndUidParser(null).Select(user => new Said(Kind.SessionClosed, user));

    // support.c: "authentication failure; logname=%s uid=%d euid=%d tty=%s ruser=%s rhost=%s %s%s" (" user=%s" last, when known)
    private static readonly Parser<char, PamFields> Fields = new PamFieldsParser();

    private static readonly Parser<char, Said> AuthenticationFailure = Fields.Select(fields => new Said(Kind.AuthenticationFailure, Fields: fields));

    // "authentication success; ..." (pam_sss and others reuse pam_unix's field list)
    private static readonly Parser<char, Said> AuthenticationSuccess = Fields.Select(fields => new Said(Kind.AuthenticationSuccess, Fields: fields));

    // "check pass; user unknown"; pam_faillock: "User unknown", with the audit option "User unknown: %s"
    private static readonly Parser<char, Said> UserUnknown = End.ThenReturn(new Said(Kind.UserUnknown));

    private static readonly Parser<char, Said> FaillockUserUnknown =
        FirstOf(End.ThenReturn(new Said(Kind.UserUnknown)), Literal(": ").Then(Rest).Select(user => new Said(Kind.UserUnknown, (user, null))));

    // "password changed for %s"
    private static readonly Parser<char, Said> PasswordChanged = new NameAndUidParser(null).Select(user => new Said(Kind.PasswordChanged, user));

    // pam_succeed_if: "requirement \"%s\" not met by user \"%s\""
    private static readonly Parser<char, Said> RequirementNotMet =
        Parser.Map(
            (requirement, user) => new Said(Kind.RequirementNotMet, (user, null), Text: requirement),
            Tokens.QuotedString.Before(Literal(" not met by user ")), Tokens.QuotedString.Before(End));

    // pam_unix_acct.c: "account %s has expired (%s)" and "account %s has password changed in future"
    private static readonly Parser<char, Said> AccountExpired =
        Parser.Map(
            (user, reason) => new Said(Kind.AccountExpired, (user, null), Text: reason),
            UntilLast(" has expired (").Before(Literal(" has expired (")), UntilLast(")").Before(Literal(")")).Before(End));

    private static readonly Parser<char, Said> ChangedInFuture =
        UntilLast(" has password changed in future").Before(Literal(" has password changed in future")).Before(End)
            .Select(user => new Said(Kind.ChangedInFuture, (user, null)));

    // pam_unix_acct.c: "expired password for user %s (%s)"
    private static readonly Parser<char, Said> PasswordExpired =
        Parser.Map(
            (user, reason) => new Said(Kind.PasswordExpired, (user, null), Text: reason),
            UntilLast(" (").Before(Literal(" (")), UntilLast(")").Before(Literal(")")).Before(End));

    // pam_unix_acct.c: "password for user %s will expire in %d days"
    private static readonly Parser<char, Said> PasswordExpiring =
        Parser.Map(
            (user, days) => new Said(Kind.PasswordExpiring, (user, null), Number: days),
            UntilLast(" will expire in ").Before(Literal(" will expire in ")), Integer.Before(Literal(" day")).Before(Literal("s").Maybe()).Before(End));

    // pam_faillock.c write_tally: "Consecutive login failures for user %s account temporarily locked"
    private static readonly Parser<char, Said> FaillockLocked =
        UntilLast(" account temporarily locked").Before(Literal(" account temporarily locked")).Before(End)
            .Select(user => new Said(Kind.AccountLocked, (user, null)));

    // pam_tally2.c tally_check: "user %s (%lu) tally %hu, deny %hu"
    private static readonly Parser<char, Said> Tally2 =
        Parser.Map(
            (user, uid, tally, deny) => new Said(Kind.AccountLocked, (user, uid), Number: tally, Other: deny),
            UntilLast(" (").Before(Literal(" (")), Integer.Before(Literal(") tally ")), Integer.Before(Literal(", deny ")), Integer.Before(End));

    // pam_securetty.c: "access denied: tty '%s' is not secure !"
    private static readonly Parser<char, Said> InsecureTty =
        UntilLast("' is not secure !").Before(Literal("' is not secure !")).Before(End)
            .Select(tty => new Said(Kind.AccessDenied, Text: "tty is not secure", Detail: tty));

    // pam_access.c: "access denied for user `%s' from `%s'": the origin (rhost, tty or service) is after the last "' from `"
    private static readonly Parser<char, Said> AccessDenied =
        Parser.Map(
            (user, from) => new Said(Kind.AccessDenied, (user, null), Text: "access denied", Detail: from),
            UntilLast("' from `").Before(Literal("' from `")), UntilLast("'", allowEmpty: true).Before(Literal("'")).Before(End));

    // pam_listfile.c: "Refused user %s for service %s"
    private static readonly Parser<char, Said> RefusedByList =
        UntilLast(" for service ").Before(Literal(" for service ")).Before(Rest)
            .Select(user => new Said(Kind.AccessDenied, (user, null), Text: "refused by list"));

    // pam_limits.c: "Too many logins (max %d) for %s"
    private static readonly Parser<char, Said> TooManyLogins =
        Integer.Before(Literal(") for ")).Then(Rest, (max, user) => new Said(Kind.AccessDenied, (user, null), Text: "too many logins", Number: max));

    // pam_unix_auth.c: "bad username [%s]"
    private static readonly Parser<char, Said> BadUsername =
        UntilLast("]", allowEmpty: true).Before(Literal("]")).Before(End).Select(user => new Said(Kind.BadUsername, (user, null)));

    // pam_systemd.c: "Failed to create session: %s", "Cannot create session: %s" (older, debug), "Failed to release session: %s"
    private static Parser<char, Said> SystemdSession(string action) => Rest.Select(reason => new Said(Kind.SystemdSession, Text: action, Detail: reason));

    // pam_env.c: "Unable to open env file: %s: %m"
    private static readonly Parser<char, Said> EnvFile = Rest.Select(detail => new Said(Kind.EnvFile, Detail: detail));

    // support.c, the "PAM " prefix aside: "%d more authentication failure%s; logname=%s uid=%d ..."
    private static readonly Parser<char, Said> MoreFailuresSaid =
        Parser.Map(
            (count, fields) => new Said(Kind.MoreFailures, Fields: fields, Number: count),
            Integer.Before(Literal(" more authentication failure")).Before(Literal("s").Maybe()).Before(Literal("; ")), Fields);

    private static readonly (string, Parser<char, Said>)[] Messages =
    [
        ("session opened for user ", SessionOpened),
        ("session closed for user ", SessionClosed),
        ("authentication failure; ", AuthenticationFailure),
        ("authentication success; ", AuthenticationSuccess),
        ("check pass; user unknown", UserUnknown),
        ("User unknown", FaillockUserUnknown),
        ("password changed for ", PasswordChanged),
        ("requirement ", RequirementNotMet),
        ("account ", FirstOf(AccountExpired, ChangedInFuture)),
        ("expired password for user ", PasswordExpired),
        ("password for user ", PasswordExpiring),
        ("Consecutive login failures for user ", FaillockLocked),
        ("user ", Tally2),
        ("access denied: tty '", InsecureTty),
        ("access denied for user `", AccessDenied),
        ("Refused user ", RefusedByList),
        ("Too many logins (max ", TooManyLogins),
        ("bad username [", BadUsername),
        ("Failed to create session: ", SystemdSession("Failed to create session")),
        ("Cannot create session: ", SystemdSession("Cannot create session")),
        ("Failed to release session: ", SystemdSession("Failed to release session")),
        ("Unable to open env file: ", EnvFile),
    ];

    private static readonly PrefixSwitch<Said> Message = Switch(Messages);

    /// <summary>A whole PAM line: <see cref="Prefix"/>, then the message.</summary>
    public static readonly Parser<char, AuthEvent> Body = Prefix.Then(Message, static (p, said) => Build(p.Module, p.Service, p.Type, said));

    /// <summary>
    /// A message under linux-pam 0.7x's tag <c>sshd(pam_unix)[2917]:</c> (RHEL 4 and before): the same messages with no
    /// <c>module(service:type): </c> prefix, and <c>%d more authentication failures; ...</c> without libpam's <c>PAM </c>.
    /// The module and service come from the tag (<see cref="LegacyTag"/>), the management group from the message.
    /// </summary>
    public static readonly Parser<char, AuthEvent> LegacyBody =
        Switch(Messages).Otherwise(MoreFailuresSaid).Select(static said => Build(string.Empty, string.Empty, TypeOf(said.Kind), said));

    private static string TypeOf(Kind kind) => kind switch
    {
        Kind.SessionOpened or Kind.SessionClosed or Kind.SystemdSession or Kind.EnvFile => "session",
        Kind.PasswordChanged => "chauthtok",
        Kind.AccountExpired or Kind.PasswordExpired or Kind.PasswordExpiring or Kind.ChangedInFuture or Kind.AccessDenied => "account",
        _ => "auth",
    };

    private static AuthEvent Build(string module, string service, string type, Said said) => said.Kind switch
    {
        Kind.SessionOpened => new PamSessionOpened
        {
            Module = module, Service = service, Type = type,
            User = said.User.Name, Uid = said.User.Uid, By = said.By.Name, ByUid = said.By.Uid,
        },
        Kind.SessionClosed => new PamSessionClosed { Module = module, Service = service, Type = type, User = said.User.Name },
        Kind.AuthenticationSuccess => new PamAuthenticationSuccess
        {
            Module = module, Service = service, Type = type, User = said.Fields.User, Rhost = said.Fields.Rhost, Tty = said.Fields.Tty,
            Remote = RemoteOf(said.Fields.Rhost),
        },
        Kind.AuthenticationFailure => new PamAuthenticationFailure
        {
            Module = module, Service = service, Type = type,
            Logname = said.Fields.Logname, Uid = said.Fields.Uid, Euid = said.Fields.Euid, Tty = said.Fields.Tty, Ruser = said.Fields.Ruser,
            Rhost = said.Fields.Rhost, User = said.Fields.User, Remote = RemoteOf(said.Fields.Rhost),
        },
        Kind.MoreFailures => new PamMoreFailures
        {
            Count = said.Number ?? 0, User = said.Fields.User, Rhost = said.Fields.Rhost, Tty = said.Fields.Tty, Remote = RemoteOf(said.Fields.Rhost),
        },
        Kind.UserUnknown => new PamUserUnknown { Module = module, Service = service, Type = type, User = said.User.Name },
        Kind.PasswordChanged => new PamPasswordChanged { Module = module, Service = service, Type = type, User = said.User.Name },
        Kind.AccountExpired => new PamAccountExpired { Module = module, Service = service, Type = type, User = said.User.Name, Reason = said.Text! },
        Kind.PasswordExpired => new PamPasswordExpired { Module = module, Service = service, Type = type, User = said.User.Name, Reason = said.Text! },
        Kind.PasswordExpiring => new PamPasswordExpiring { Module = module, Service = service, Type = type, User = said.User.Name, Days = said.Number ?? 0 },
        Kind.RequirementNotMet => new PamRequirementNotMet { Module = module, Service = service, Type = type, User = said.User.Name, Requirement = said.Text! },
        Kind.AccountLocked => new PamAccountLocked
        {
            Module = module, Service = service, Type = type, User = said.User.Name, Uid = said.User.Uid, Tally = said.Number, Deny = said.Other,
        },
        Kind.AccessDenied => new PamAccessDenied
        {
            Module = module, Service = service, Type = type, User = said.User.Name, Reason = said.Text!,
            Tty = said.Text == "tty is not secure" ? said.Detail : null, From = said.Text == "access denied" ? said.Detail : null,
        },
        Kind.BadUsername => new PamBadUsername { Module = module, Service = service, Type = type, User = said.User.Name },
        Kind.SystemdSession => new PamSystemdSessionError { Module = module, Service = service, Type = type, Action = said.Text!, Reason = said.Detail! },
        Kind.EnvFile => new PamEnvFileError { Module = module, Service = service, Type = type, Detail = said.Detail! },
        _ => new PamPasswordChangedInFuture { Module = module, Service = service, Type = type, User = said.User.Name },
    };

    private static RemoteEndpoint? RemoteOf(string? rhost) => rhost is null ? null : RemoteEndpointParser.Create(rhost, null);

    private static readonly Parser<char, AuthEvent> MoreFailures = MoreFailuresSaid.Select(static said => Build(string.Empty, string.Empty, "auth", said));

    // "PAM service(%s) ignoring max retries; %d > %d" (pam_unix support.c)
    private static readonly Parser<char, AuthEvent> IgnoringMaxRetries =
        Parser.Map(
            (service, attempts, maximum) => (AuthEvent)new PamIgnoringMaxRetries { Service = service, Attempts = attempts, Maximum = maximum },
            Until(")", intern: true).Before(Literal(") ignoring max retries; ")), Integer.Before(Literal(" > ")), Integer.Before(End));

    /// <summary>Lines libpam writes with the bare <c>PAM </c> prefix (no module name in the handle).</summary>
    public static readonly Parser<char, AuthEvent> SystemBody =
        Literal("PAM ").Then(Switch(("service(", IgnoringMaxRetries)).Otherwise(MoreFailures));

    /// <summary>unix_chkpwd's <c>password check failed for user (%s)</c>.</summary>
    public static readonly Parser<char, AuthEvent> UnixChkpwdBody =
        Literal("password check failed for user (").Then(UntilLast(")", allowEmpty: true)).Before(Literal(")")).Before(End)
            .Select(user => (AuthEvent)new PamPasswordCheckFailed { User = user });

    /// <summary>
    /// pam_securetty 0.7x, which logged under its own ident: <c>PAM-securetty[1234]: access denied: tty 'pts/0' is not secure !</c>.
    /// The service is not written: it is empty.
    /// </summary>
    public static readonly Parser<char, AuthEvent> SecurettyBody =
        Literal("access denied: tty '").Then(InsecureTty).Select(static said => Build("pam_securetty", string.Empty, "auth", said));

    /// <summary>
    /// GDM's PAM worker writes through a second tag: <c>gdm-password]: pam: gdm-password[1600]: pam_unix(...): ...</c>. The
    /// message inside is dispatched as if it stood alone.
    /// </summary>
    internal sealed class NestedTagWrapper : MessageWrapper
    {
        private const string Pam = "pam: ";

        public override string Prefix => Pam;

        public override bool TryUnwrap(ReadOnlySpan<char> message, out Range inner, out int repeat)
        {
            repeat = 1;
            var taken = ProgramTagParser.ReadColonTag(message[Pam.Length..], out _);
            inner = (Pam.Length + taken)..;
            return taken > 0;
        }
    }

    /// <summary>
    /// linux-pam 0.7x's tags, <c>service(module)</c> (<c>sshd(pam_unix)</c>, <c>su(pam_unix)</c>): the entry's program is the
    /// service, and the event's module and service are the tag's.
    /// </summary>
    internal sealed class LegacyTag : TagForm
    {
        public override Parser<char, AuthEvent> Body => LegacyBody;

        public override bool TryRead(string tag, out string program)
        {
            program = tag;
            var open = tag.IndexOf("(pam_", StringComparison.Ordinal);
            if (open <= 0 || tag[^1] != ')') return false;
            program = StringPool.Shared.Get(tag.AsSpan(0, open));
            return true;
        }

        public override AuthEvent Complete(AuthEvent read, string tag)
        {
            var open = tag.IndexOf('(');
            var module = StringPool.Shared.Get(tag.AsSpan(open + 1, tag.Length - open - 2));
            var service = StringPool.Shared.Get(tag.AsSpan(0, open));
            return read is PamEvent pam ? pam with { Module = module, Service = service } : read;
        }
    }
}
