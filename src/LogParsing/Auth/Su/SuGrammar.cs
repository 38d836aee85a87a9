using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Su;

/// <summary>
/// su's own lines, from util-linux (<c>login-utils/su-common.c log_syslog</c>, also <c>runuser</c>) and from shadow-utils'
/// older su (<c>lib/sulog.c</c>, <c>src/su.c</c> with <c>SYSLOG_SU_ENAB</c>). PAM lines under <c>su</c> are read by the PAM grammar.
/// </summary>
public static class SuGrammar
{
    private readonly record struct Switched(bool Success, bool Runuser, string? Target, string? Caller, string? Tty);

    // util-linux writes "none" for no terminal, shadow "???" for an unknown name or terminal, and the caller may be empty
    private static string? Known(string text) => text.Length == 0 || text == "none" || text == "???" ? null : text;

    // "%s(to %s) %s on %s", after "(to ": new user, old user (possibly empty), tty
    private static Parser<char, Switched> ToOn(bool success, bool runuser) =>
        Parser.Map(
            (target, caller, tty) => new Switched(success, runuser, Known(target), Known(caller), Known(tty)),
            Until(") ", intern: true).Before(Literal(") ")),
            UntilLast(" on ", allowEmpty: true).Before(Literal(" on ")),
            Word.Before(End));

    // "Successful su for %s by %s" / "FAILED su for %s by %s": new user, old user
    private static Parser<char, Switched> ForBy(bool success) =>
        Parser.Map(
            (target, caller) => new Switched(success, false, Known(target), Known(caller), null),
            Until(" by ", intern: true).Before(Literal(" by ")),
            Word.Before(End));

    // "+ %s %s:%s" / "- %s %s:%s": tty, old user, new user
    private static Parser<char, Switched> TtyOldNew(bool success) =>
        Parser.Map(
            (tty, caller, target) => new Switched(success, false, Known(target), Known(caller), Known(tty)),
            Word.Before(Space),
            WordUntil(": ").Before(Literal(":")),
            Word.Before(End));

    private static readonly PrefixSwitch<Switched> Message = Switch(
        ("(to ", ToOn(success: true, runuser: false)),
        ("FAILED SU (to ", ToOn(success: false, runuser: false)),
        ("FAILED RUNUSER (to ", ToOn(success: false, runuser: true)),
        ("Successful su for ", ForBy(success: true)),
        ("FAILED su for ", ForBy(success: false)),
        ("+ ", TtyOldNew(success: true)),
        ("- ", TtyOldNew(success: false)));

    /// <summary>A whole su (or runuser) line: a successful or failed switch, in any of the forms above.</summary>
    public static readonly Parser<char, AuthEvent> Body = Message.Select(Build);

    private static AuthEvent Build(Switched s) => s.Success
        ? new SuSession { User = s.Caller, Target = s.Target, Tty = s.Tty }
        : new SuFailed { User = s.Caller, Target = s.Target, Tty = s.Tty, Runuser = s.Runuser };

    /// <summary>The su family's claims: util-linux su and runuser.</summary>
    internal static readonly AuthFamily Family = new("su")
    {
        Programs = ProgramClaim.All(Body, "su", "runuser"),
        Json = SuJsonContext.Default,
    };
}
