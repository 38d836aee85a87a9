using System.Collections.Immutable;
using System.Globalization;
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
    /// <summary>The <c>pam_unix(sshd:auth): </c> prefix: module, service and management group.</summary>
    public static readonly Parser<char, (string Module, string Service, string Type)> Prefix =
        Parser.Map(
            (module, service, type) => (module, service, type),
            WordUntil("( ", intern: true).Before(Literal("(")),
            WordUntil(":) ", intern: true).Before(Literal(":")),
            WordUntil(") ", intern: true).Before(Literal("): ")));

    // What a message said, before the prefix's module, service and type are joined to it (no closure per line).
    private enum Kind
    {
        SessionOpened, SessionClosed, AuthenticationFailure, AuthenticationSuccess, UserUnknown, PasswordChanged, RequirementNotMet,
        AccountExpired, PasswordExpired, PasswordExpiring,
    }

    private readonly record struct Said(
        Kind Kind, (string? Name, int? Uid) User, (string? Name, int? Uid) By, ImmutableArray<KeyValuePair<string, string>> Pairs, string? Text = null);

    // "session opened for user %s(uid=%s) by %s(uid=%lu)"; before linux-pam 1.4: "session opened for user %s by %s(uid=%lu)"
    private static readonly Parser<char, Said> SessionOpened =
        Parser.Map(
            (user, by) => new Said(Kind.SessionOpened, user, by, default),
            new NameAndUidParser(" by "), Literal(" by ").Then(new NameAndUidParser(null)));

    // "session closed for user %s"
    private static readonly Parser<char, Said> SessionClosed =
        new NameAndUidParser(null).Select(user => new Said(Kind.SessionClosed, user, default, default));

    // "authentication failure; logname=%s uid=%d euid=%d tty=%s ruser=%s rhost=%s  user=%s"
    private static readonly Parser<char, Said> AuthenticationFailure =
        Tokens.KeyValues.Before(End).Select(pairs => new Said(Kind.AuthenticationFailure, default, default, pairs));

    // "authentication success; ..." (pam_sss and others reuse pam_unix's field list)
    private static readonly Parser<char, Said> AuthenticationSuccess =
        Tokens.KeyValues.Before(End).Select(pairs => new Said(Kind.AuthenticationSuccess, default, default, pairs));

    // "check pass; user unknown"
    private static readonly Parser<char, Said> UserUnknown = End.ThenReturn(new Said(Kind.UserUnknown, default, default, default));

    // "password changed for %s"
    private static readonly Parser<char, Said> PasswordChanged =
        new NameAndUidParser(null).Select(user => new Said(Kind.PasswordChanged, user, default, default));

    // pam_succeed_if: "requirement \"%s\" not met by user \"%s\""
    private static readonly Parser<char, Said> RequirementNotMet =
        Parser.Map(
            (requirement, user) => new Said(Kind.RequirementNotMet, (user, null), default, default, requirement),
            Tokens.QuotedString.Before(Literal(" not met by user ")), Tokens.QuotedString.Before(End));

    // pam_unix_acct.c: "account %s has expired (%s)"
    private static readonly Parser<char, Said> AccountExpired =
        Parser.Map(
            (user, reason) => new Said(Kind.AccountExpired, (user, null), default, default, reason),
            UntilLast(" has expired (").Before(Literal(" has expired (")), UntilLast(")").Before(Literal(")")).Before(End));

    // pam_unix_acct.c: "expired password for user %s (%s)"
    private static readonly Parser<char, Said> PasswordExpired =
        Parser.Map(
            (user, reason) => new Said(Kind.PasswordExpired, (user, null), default, default, reason),
            UntilLast(" (").Before(Literal(" (")), UntilLast(")").Before(Literal(")")).Before(End));

    // pam_unix_acct.c: "password for user %s will expire in %d days"
    private static readonly Parser<char, Said> PasswordExpiring =
        Parser.Map(
            (user, days) => new Said(Kind.PasswordExpiring, (user, days), default, default),
            UntilLast(" will expire in ").Before(Literal(" will expire in ")), Integer.Before(Literal(" day")).Before(Literal("s").Maybe()).Before(End));

    private static readonly PrefixSwitch<Said> Message = Switch(
        ("session opened for user ", SessionOpened),
        ("session closed for user ", SessionClosed),
        ("authentication failure; ", AuthenticationFailure),
        ("authentication success; ", AuthenticationSuccess),
        ("check pass; user unknown", UserUnknown),
        ("password changed for ", PasswordChanged),
        ("requirement ", RequirementNotMet),
        ("account ", AccountExpired),
        ("expired password for user ", PasswordExpired),
        ("password for user ", PasswordExpiring));

    /// <summary>A whole PAM line: <see cref="Prefix"/>, then the message.</summary>
    public static readonly Parser<char, AuthEvent> Body = Prefix.Then(Message, Build);

    private static AuthEvent Build((string Module, string Service, string Type) p, Said said) => said.Kind switch
    {
        Kind.SessionOpened => new PamSessionOpened
        {
            Module = p.Module, Service = p.Service, Type = p.Type,
            User = said.User.Name, Uid = said.User.Uid, By = said.By.Name, ByUid = said.By.Uid,
        },
        Kind.SessionClosed => new PamSessionClosed { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name },
        Kind.AuthenticationSuccess => Success(p, said.Pairs),
        Kind.UserUnknown => new PamUserUnknown { Module = p.Module, Service = p.Service, Type = p.Type },
        Kind.PasswordChanged => new PamPasswordChanged { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name },
        Kind.AccountExpired => new PamAccountExpired { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name, Reason = said.Text! },
        Kind.PasswordExpired => new PamPasswordExpired { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name, Reason = said.Text! },
        Kind.PasswordExpiring => new PamPasswordExpiring { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name, Days = said.User.Uid ?? 0 },
        Kind.RequirementNotMet => new PamRequirementNotMet { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name, Requirement = said.Text! },
        _ => Failure(p, said.Pairs),
    };

    // "PAM %d more authentication failure%s; logname=%s ..." and "PAM service(%s) ignoring max retries; %d > %d" (pam_unix support.c)
    private static readonly Parser<char, AuthEvent> MoreFailures =
        Parser.Map(
            (count, pairs) => (AuthEvent)new PamMoreFailures
            {
                Count = count, User = Field(pairs, "user"), Rhost = Field(pairs, "rhost"), Tty = Field(pairs, "tty"),
                Remote = Field(pairs, "rhost") is { } rhost ? RemoteEndpointParser.Create(rhost, null) : null,
            },
            Integer.Before(Literal(" more authentication failure")).Before(Literal("s").Maybe()).Before(Literal("; ")),
            Tokens.KeyValues.Before(End));

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

    private static string? Field(ImmutableArray<KeyValuePair<string, string>> pairs, string key)
    {
        foreach (var (k, v) in pairs)
            if (k == key) return v.Length == 0 ? null : v;
        return null;
    }

    private static PamAuthenticationSuccess Success((string Module, string Service, string Type) p, ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        var rhost = Field(pairs, "rhost");
        return new PamAuthenticationSuccess
        {
            Module = p.Module, Service = p.Service, Type = p.Type, User = Field(pairs, "user"), Rhost = rhost, Tty = Field(pairs, "tty"),
            Remote = rhost is null ? null : RemoteEndpointParser.Create(rhost, null),
        };
    }

    private static PamAuthenticationFailure Failure((string Module, string Service, string Type) p, ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        string? Get(string key) => Field(pairs, key);
        int? Int(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var rhost = Get("rhost");
        return new PamAuthenticationFailure
        {
            Module = p.Module, Service = p.Service, Type = p.Type,
            Logname = Get("logname"), Uid = Int("uid"), Euid = Int("euid"), Tty = Get("tty"), Ruser = Get("ruser"),
            Rhost = rhost, User = Get("user"),
            Remote = rhost is null ? null : RemoteEndpointParser.Create(rhost, null),
        };
    }

    /// <summary>The PAM family's claims: module lines under whatever program loaded the module (<c>pam_unix(sshd:auth): ...</c>), libpam's own <c>PAM </c> lines, and unix_chkpwd.</summary>
    internal static readonly AuthFamily Family = new("pam")
    {
        Messages = [new("pam_", Body), new("PAM ", SystemBody)],
        Programs = ProgramClaim.All(UnixChkpwdBody, "unix_chkpwd"),
        Json = PamJsonContext.Default,
    };
}
