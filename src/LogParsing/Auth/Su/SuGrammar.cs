using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Su;

/// <summary>
/// su's own lines, from util-linux (<c>login-utils/su-common.c log_syslog</c>, also <c>runuser</c>), from shadow-utils'
/// older su (<c>lib/sulog.c</c>, <c>src/su.c</c> with <c>SYSLOG_SU_ENAB</c>) and from BSD su (<c>usr.bin/su/su.c</c>).
/// PAM lines under <c>su</c> are read by the PAM grammar.
/// </summary>
public static class SuGrammar
{
    private readonly record struct Switched(bool Success, bool Runuser, string? Target, string? Caller, string? Tty);

    // util-linux writes "none" for no terminal, shadow "???" for an unknown name or terminal, and the caller may be empty
    private static string? Known(string text) => text.Length == 0 || text == "none" || text == "???" ? null : text;

    // "%s(to %s) %s on %s", after "(to ": new user, old user (possibly empty), tty. The new user is what the caller typed,
    // so it runs to the last ") ": the old user is a passwd name and the tty one word, neither holds ") ".
    private static Parser<char, Switched> ToOn(bool success, bool runuser) =>
        Parser.Map(
            (target, caller, tty) => new Switched(success, runuser, Known(target), Known(caller), Known(tty)),
            UntilLast(") ", intern: true).Before(Literal(") ")),
            UntilLast(" on ", allowEmpty: true).Before(Literal(" on ")),
            Word.Before(End));

    // "Successful su for %s by %s" / "FAILED su for %s by %s": new user (typed by the caller, so up to the last " by "), old user
    private static Parser<char, Switched> ForBy(bool success) =>
        Parser.Map(
            (target, caller) => new Switched(success, false, Known(target), Known(caller), null),
            UntilLast(" by ", intern: true).Before(Literal(" by ")),
            Word.Before(End));

    // "+ %s %s:%s" / "- %s %s:%s": tty, old user, new user
    private static Parser<char, Switched> TtyOldNew(bool success) =>
        Parser.Map(
            (tty, caller, target) => new Switched(success, false, Known(target), Known(caller), Known(tty)),
            Word.Before(Space),
            WordUntil(": ").Before(Literal(":")),
            Word.Before(End));

    // BSD su's ontty(): " on /dev/ttyp0" (ttyname(STDERR_FILENO), the full path) or nothing. The new user before it is what
    // the caller typed, so it runs to the last " on /dev/"; without a terminal it is the rest of the line.
    private static readonly Parser<char, (string Target, string? Tty)> OnTty = FirstOf(
        Parser.Map((target, tty) => (target, (string?)tty), UntilLast(" on /dev/", intern: true).Before(Literal(" on ")), Word.Before(End)),
        Rest.Where(target => target.Length > 0).Select(target => (target, (string?)null)));

    // BSD su (FreeBSD, OpenBSD, NetBSD usr.bin/su/su.c): "BAD SU %s to %s%s" and, when the caller is not root, "%s to %s%s":
    // the caller's login name (one word), the new user, ontty()
    private static Parser<char, Switched> ToTty(bool success) =>
        Parser.Map(
            (caller, target) => new Switched(success, false, Known(target.Target), Known(caller), target.Tty),
            Word.Before(Literal(" to ")),
            OnTty);

    private static readonly PrefixSwitch<Switched> Message = Switch(
        ("(to ", ToOn(success: true, runuser: false)),
        ("FAILED SU (to ", ToOn(success: false, runuser: false)),
        ("FAILED RUNUSER (to ", ToOn(success: false, runuser: true)),
        ("Successful su for ", ForBy(success: true)),
        ("FAILED su for ", ForBy(success: false)),
        ("+ ", TtyOldNew(success: true)),
        ("- ", TtyOldNew(success: false)),
        ("BAD SU ", ToTty(success: false)))
        .Otherwise(ToTty(success: true));

    // shadow-utils su (src/su.c): SYSLOG ((LOG_ERR, "pam_authenticate: %s", pam_strerror (pamh, ret))), and the same for
    // pam_acct_mgmt, pam_chauthtok, pam_setcred and pam_open_session
    private static Parser<char, AuthEvent> PamError(string function) =>
        Rest.Where(error => error.Length > 0).Select(error => (AuthEvent)new SuPamError { Function = function, Error = error });

    private static readonly PrefixSwitch<AuthEvent> PamErrors = Switch(
        ("pam_authenticate: ", PamError("pam_authenticate")),
        ("pam_acct_mgmt: ", PamError("pam_acct_mgmt")),
        ("pam_chauthtok: ", PamError("pam_chauthtok")),
        ("pam_setcred: ", PamError("pam_setcred")),
        ("pam_open_session: ", PamError("pam_open_session")));

    /// <summary>A whole su (or runuser) line: a successful or failed switch in any of the forms above, or shadow su's PAM errors.</summary>
    public static readonly Parser<char, AuthEvent> Body = PamErrors.Otherwise(Message.Select(Build));

    private static AuthEvent Build(Switched s) => s.Success
        ? new SuSession { User = s.Caller, Target = s.Target, Tty = s.Tty }
        : new SuFailed { User = s.Caller, Target = s.Target, Tty = s.Tty, Runuser = s.Runuser };
}
