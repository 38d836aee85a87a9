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

    // Non-empty text to the end of the line
    private static readonly Parser<char, string> Text = Rest.Where(text => text.Length > 0);

    // polkitd's start-up and housekeeping lines: "Started polkitd version %s" (polkitd main.c, syslog to LOG_DAEMON),
    // "Loading rules from directory %s", "Finished loading, compiling and executing %d rules", "Error executing script %s"
    // (polkitbackendjsauthority.cpp), "Acquired the name %s on the system bus" (as real logs show it; not read in source)
    private static readonly Parser<char, AuthEvent> Started = Text.Select(v => (AuthEvent)new PolkitStarted { Version = v });

    private static readonly Parser<char, AuthEvent> NameAcquired =
        Until(" on the system bus").Before(Literal(" on the system bus")).Before(End).Select(n => (AuthEvent)new PolkitBusNameAcquired { Name = n });

    private static readonly Parser<char, AuthEvent> RulesLoading = Text.Select(d => (AuthEvent)new PolkitRulesLoading { Directory = d });

    private static readonly Parser<char, AuthEvent> RulesLoaded =
        Integer.Before(Literal(" rules")).Before(End).Select(n => (AuthEvent)new PolkitRulesLoaded { Count = n });

    private static readonly Parser<char, AuthEvent> ScriptError = Text.Select(f => (AuthEvent)new PolkitScriptError { Script = f });

    /// <summary>A whole polkitd line: an operator's outcome, an agent (un)registering, or start-up and rules housekeeping.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        ("Operator of ", Operator),
        ("Registered Authentication Agent for ", Registered),
        ("Unregistered Authentication Agent for ", Unregistered),
        ("Started polkitd version ", Started),
        ("Acquired the name ", NameAcquired),
        ("Loading rules from directory ", RulesLoading),
        ("Finished loading, compiling and executing ", RulesLoaded),
        ("Error executing script ", ScriptError));

    private readonly record struct Pkexec(string RunAs, string? Tty, string Pwd, string Command);

    // " [USER=%s] [TTY=%s] [CWD=%s] [COMMAND=%s]" after the message (pkexec.c log_message). USER is a passwd name and TTY a path
    // or "unknown"; CWD and COMMAND are the caller's, so CWD runs to the first "] [COMMAND=" and COMMAND, always last, to the
    // line's final "]" (as sudo's COMMAND= runs to the end).
    private static readonly Parser<char, Pkexec> PkexecFields =
        Parser.Map(
            (user, tty, cwd, command) => new Pkexec(user, tty == "unknown" ? null : tty, cwd, command),
            Literal(" [USER=").Then(Until("] [TTY=", intern: true)),
            Literal("] [TTY=").Then(Until("] [CWD=", intern: true)),
            Literal("] [CWD=").Then(Until("] [COMMAND=", allowEmpty: true)),
            Literal("] [COMMAND=").Then(UntilLast("]", allowEmpty: true)).Before(Literal("]")).Before(End));

    // "%s: Executing command [USER=...]..." (LOG_NOTICE, just before execv)
    private static readonly Parser<char, Func<string, AuthEvent>> Executing =
        PkexecFields.Select(f => (Func<string, AuthEvent>)(user =>
            new PolkitPkexecCommand { User = user, RunAs = f.RunAs, Tty = f.Tty, Pwd = f.Pwd, Command = f.Command }));

    // "%s: Error executing command as another user: Not authorized [USER=...]..." / "...: Request dismissed [USER=...]..." (LOG_WARNING)
    private static readonly Parser<char, Func<string, AuthEvent>> Refused =
        Parser.Map(
            (reason, f) => (Func<string, AuthEvent>)(user =>
                new PolkitPkexecRefused { User = user, Reason = reason, RunAs = f.RunAs, Tty = f.Tty, Pwd = f.Pwd, Command = f.Command }),
            Until(" [USER=", intern: true),
            PkexecFields);

    /// <summary>
    /// A whole pkexec line (polkit <c>src/programs/pkexec.c</c>, <c>openlog ("pkexec", LOG_PID, LOG_AUTHPRIV)</c>): the invoking
    /// user (a passwd name, up to the first <c>: </c>), then <c>Executing command</c> or <c>Error executing command as another user: %s</c>.
    /// </summary>
    public static readonly Parser<char, AuthEvent> PkexecBody =
        Until(": ", intern: true).Before(Literal(": ")).Then(
            Switch(
                ("Executing command", Executing),
                ("Error executing command as another user: ", Refused)),
            (user, build) => build(user));

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
}
