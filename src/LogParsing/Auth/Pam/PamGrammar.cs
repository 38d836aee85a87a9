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
    private enum Kind { SessionOpened, SessionClosed, AuthenticationFailure, PasswordChanged }

    private readonly record struct Said(Kind Kind, (string? Name, int? Uid) User, (string? Name, int? Uid) By, ImmutableArray<KeyValuePair<string, string>> Pairs);

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

    // "password changed for %s" (pam_unix passverify.c, under passwd, chpasswd...)
    private static readonly Parser<char, Said> PasswordChanged =
        Word.Before(End).Select(user => new Said(Kind.PasswordChanged, (user, null), default, default));

    private static readonly PrefixSwitch<Said> Message = Switch(
        ("session opened for user ", SessionOpened),
        ("session closed for user ", SessionClosed),
        ("authentication failure; ", AuthenticationFailure),
        ("password changed for ", PasswordChanged));

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
        Kind.PasswordChanged => new PamPasswordChanged { Module = p.Module, Service = p.Service, Type = p.Type, User = said.User.Name },
        _ => Failure(p, said.Pairs),
    };

    private static PamAuthenticationFailure Failure((string Module, string Service, string Type) p, ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        string? Get(string key)
        {
            foreach (var (k, v) in pairs)
                if (k == key) return v.Length == 0 ? null : v;
            return null;
        }
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
}
