using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Polkit;

/// <summary>
/// polkitd's authentication lines (polkit <c>src/polkitbackend/polkitbackendinteractiveauthority.c</c>, logged through
/// <c>polkit_backend_authority_log</c>; the tag is <c>polkitd</c>, or in older polkit <c>polkitd(authority=local)</c>, from
/// <c>openlog ("polkitd(authority=%s)", ...)</c> in <c>polkitbackendauthority.c</c>).
/// </summary>
public static class PolkitGrammar
{
    private readonly record struct Attempt(bool Success, string? Identity, string? Lifetime, string Action, string Subject, string Command, string Owner);

    // "... for %s [%s] (owned by %s)": subject, command line (which may hold brackets), owner
    private static readonly Parser<char, (string Subject, string Command, string Owner)> ForSubject =
        Parser.Map(
            (subject, command, owner) => (subject, command, owner),
            Until(" [").Before(Literal(" [")),
            UntilLast("] (owned by ", allowEmpty: true).Before(Literal("] (owned by ")),
            UntilLast(")").Before(Literal(")")).Before(End));

    // " successfully authenticated as %s to gain %s authorization for action %s for %s [%s] (owned by %s)"
    private static readonly Parser<char, Attempt> Authenticated =
        Parser.Map(
            (identity, lifetime, action, subject) => new Attempt(true, identity, lifetime, action, subject.Subject, subject.Command, subject.Owner),
            Until(" to gain ", intern: true).Before(Literal(" to gain ")),
            Until(" authorization for action ", intern: true).Before(Literal(" authorization for action ")),
            Until(" for ", intern: true).Before(Literal(" for ")),
            ForSubject);

    // " FAILED to authenticate to gain authorization for action %s for %s [%s] (owned by %s)"
    private static readonly Parser<char, Attempt> Failed =
        Parser.Map(
            (action, subject) => new Attempt(false, null, null, action, subject.Subject, subject.Command, subject.Owner),
            Until(" for ", intern: true).Before(Literal(" for ")),
            ForSubject);

    // "Operator of %s ...": the operator's session or process, then the outcome
    private static readonly Parser<char, AuthEvent> Operator =
        Word.Then(
            Switch(
                (" successfully authenticated as ", Authenticated),
                (" FAILED to authenticate to gain authorization for action ", Failed)),
            Build);

    // What both agent lines say after the subject: "(system bus name %s" ... ", object path %s, locale %s)"
    private static readonly Parser<char, string> AgentSubject = Until(" (system bus name ").Before(Literal(" (system bus name "));

    private static readonly Parser<char, (string Path, string Locale)> PathAndLocale =
        Parser.Map((path, locale) => (path, locale), Until(", locale ").Before(Literal(", locale ")), Until(")", allowEmpty: true).Before(Literal(")")));

    // "Registered Authentication Agent for %s (system bus name %s [%s], object path %s, locale %s)"
    private static readonly Parser<char, AuthEvent> Registered =
        Parser.Map(
            (subject, bus, command, agent) => (AuthEvent)new PolkitAgentRegistered
            {
                Subject = subject, BusName = bus, Command = command, ObjectPath = agent.Path, Locale = agent.Locale,
            },
            AgentSubject,
            Until(" [").Before(Literal(" [")),
            UntilLast("], object path ", allowEmpty: true).Before(Literal("], object path ")),
            PathAndLocale.Before(End));

    // "Unregistered Authentication Agent for %s (system bus name %s, object path %s, locale %s)%s": suffix " (disconnected from bus)" or nothing
    private static readonly Parser<char, AuthEvent> Unregistered =
        Parser.Map(
            (subject, bus, agent, disconnected) => (AuthEvent)new PolkitAgentUnregistered
            {
                Subject = subject, BusName = bus, ObjectPath = agent.Path, Locale = agent.Locale, Disconnected = disconnected,
            },
            AgentSubject,
            Until(", object path ").Before(Literal(", object path ")),
            PathAndLocale,
            Switch((" (disconnected from bus)", End.ThenReturn(true))).Otherwise(End.ThenReturn(false)));

    /// <summary>A whole polkitd authentication line: an operator's outcome, or an agent (un)registering.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        ("Operator of ", Operator),
        ("Registered Authentication Agent for ", Registered),
        ("Unregistered Authentication Agent for ", Unregistered));

    private static AuthEvent Build(string @operator, Attempt o)
    {
        var user = o.Owner.StartsWith("unix-user:", StringComparison.Ordinal) ? StringPool.Shared.Get(o.Owner.AsSpan("unix-user:".Length)) : null;
        return o.Success
            ? new PolkitAuthenticated
            {
                Operator = @operator, Identity = o.Identity!, Lifetime = o.Lifetime!, Action = o.Action, Subject = o.Subject,
                Command = o.Command, Owner = o.Owner, User = user,
            }
            : new PolkitAuthenticationFailed
            {
                Operator = @operator, Action = o.Action, Subject = o.Subject, Command = o.Command, Owner = o.Owner, User = user,
            };
    }

    /// <summary>The polkit family's claims: polkitd under its own tag, or polkit's older <c>polkitd(authority=local)</c>.</summary>
    internal static readonly AuthFamily Family = new("polkit")
    {
        Programs = ProgramClaim.All(Body, "polkitd", "polkitd(authority=local)"),
        Json = PolkitJsonContext.Default,
    };
}
