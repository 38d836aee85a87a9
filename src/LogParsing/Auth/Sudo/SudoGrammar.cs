using System.Globalization;
using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Sudo;

/// <summary>
/// sudo's own lines (sudoers plugin, sudo 1.8 and 1.9): <c>"%8s : %s"</c> (<c>lib/eventlog/eventlog.c do_syslog_sudo</c>), the
/// invoking user right-aligned to 8 characters, then an optional reason and the <c> ; </c>-separated fields of
/// <c>new_logline</c>: <c>HOST=</c>, <c>TTY=</c>, <c>CHROOT=</c>, <c>PWD=</c>, <c>USER=</c>, <c>GROUP=</c>, <c>TSID=</c>,
/// <c>ENV=</c>, and last <c>COMMAND=</c>, which runs to the end of the line. PAM lines under <c>sudo</c> are read by the PAM grammar.
/// </summary>
public static class SudoGrammar
{
    private static readonly string[] Refusals =
        ["user NOT in sudoers", "user NOT authorized on host", "command not allowed", "a password is required"];

    /// <summary>
    /// True for the reasons sudoers writes when it refuses a command (<c>plugins/sudoers/logging.c log_denial</c>,
    /// <c>log_auth_failure</c>), other than <c>N incorrect password attempt(s)</c>.
    /// </summary>
    /// <param name="reason">The reason of a <see cref="SudoCommand"/>.</param>
    public static bool IsRefusal(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        foreach (var refusal in Refusals)
            if (reason == refusal) return true;
        return false;
    }

    /// <summary><c>    alice : </c>: the invoking user, after sudo's right-alignment spaces.</summary>
    public static readonly Parser<char, string> InvokingUser =
        Spaces.Maybe().Then(Until(" : ", intern: true)).Before(Literal(" : "));

    private enum Key { Host, Tty, Chroot, Pwd, RunAs, Group, Tsid, Env }

    // "KEY=%s ; ": one field's value, up to its separator
    private static Parser<char, (Key Key, string Value)> Value(Key key, bool intern = false) =>
        Until(" ; ", allowEmpty: true, intern).Before(Literal(" ; ")).Select(value => (key, value));

    // "HOST=%s ; ", "TTY=%s ; ", "CHROOT=%s ; ", "PWD=%s ; " (or "CWD=%s ; "), "USER=%s ; ", "GROUP=%s ; ", "TSID=%s ; ", "ENV=%s %s ; "
    private static readonly Parser<char, (Key Key, string Value)> Field = Switch(
        ("HOST=", Value(Key.Host, intern: true)),
        ("TTY=", Value(Key.Tty, intern: true)),
        ("CHROOT=", Value(Key.Chroot)),
        ("PWD=", Value(Key.Pwd)),
        ("CWD=", Value(Key.Pwd)),
        ("USER=", Value(Key.RunAs, intern: true)),
        ("GROUP=", Value(Key.Group, intern: true)),
        ("TSID=", Value(Key.Tsid)),
        ("ENV=", Value(Key.Env)));

    // "%s ; " or "%s : %s ; ": the reason (and error) sudo puts first when it refuses or flags a command
    private static readonly Parser<char, string> Reason = new SudoReasonParser().Before(Literal(" ; "));

    // "COMMAND=%s": always last, to the end of the line
    private static readonly Parser<char, string> Command = Literal("COMMAND=").Then(Rest);

    // What the message after the user said: a continuation, or a reason, fields and command (no closure per line).
    private readonly record struct Said(string? Continued, Maybe<string> Reason, IEnumerable<(Key Key, string Value)>? Fields, string? Command);

    // "user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls": an optional reason, the fields, the command
    private static readonly Parser<char, Said> Entry =
        Parser.Map((reason, fields, command) => new Said(null, reason, fields, command), Reason.Maybe(), Field.Many(), Command);

    // "%8s : (command continued) %s"
    private static readonly PrefixSwitch<Said> Message = Switch(
        ("(command continued) ", Rest.Select(text => new Said(text, default, null, null))))
        .Otherwise(Entry);

    /// <summary>A whole sudo line: <see cref="InvokingUser"/>, then a command entry or a continuation.</summary>
    public static readonly Parser<char, AuthEvent> Body = InvokingUser.Then(Message, Build);

    private static AuthEvent Build(string user, Said entry)
    {
        if (entry.Continued is { } text) return new SudoCommandContinued { User = user, Text = text };
        string? host = null, tty = null, chroot = null, pwd = null, runAs = null, group = null, tsid = null, env = null;
        foreach (var (key, value) in entry.Fields!)
        {
            switch (key)
            {
                case Key.Host: host = value; break;
                case Key.Tty: tty = value; break;
                case Key.Chroot: chroot = value; break;
                case Key.Pwd: pwd = value; break;
                case Key.RunAs: runAs = value; break;
                case Key.Group: group = value; break;
                case Key.Tsid: tsid = value; break;
                case Key.Env: env = value; break;
            }
        }
        string? reason = entry.Reason.HasValue ? entry.Reason.Value : null, error = null;
        var colon = reason is null ? -1 : reason.IndexOf(" : ", StringComparison.Ordinal);
        if (colon > 0)
        {
            error = reason![(colon + 3)..];
            reason = reason[..colon];
        }
        return new SudoCommand
        {
            User = user, Reason = reason, Error = error, IncorrectPasswordAttempts = Attempts(reason),
            Host = host, Tty = tty, Chroot = chroot, Pwd = pwd, RunAs = runAs, Group = group, Tsid = tsid, Env = env,
            Command = entry.Command!,
        };
    }

    // "%u incorrect password attempt" / "%u incorrect password attempts" (log_auth_failure)
    private static int? Attempts(string? reason)
    {
        if (reason is null) return null;
        var span = reason.AsSpan();
        var space = span.IndexOf(' ');
        if (space <= 0) return null;
        var rest = span[(space + 1)..];
        if (!rest.SequenceEqual("incorrect password attempts") && !rest.SequenceEqual("incorrect password attempt")) return null;
        return int.TryParse(span[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
