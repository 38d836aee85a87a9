using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Doas;

/// <summary>
/// doas's lines (OpenBSD <c>usr.bin/doas/doas.c</c>, and the Linux port Duncaen/OpenDoas <c>doas.c</c>, <c>pam.c</c>, <c>shadow.c</c>).
/// doas calls <c>syslog</c> without <c>openlog</c>, so the tag is <c>doas</c>, with no pid unless journald adds one.
/// </summary>
public static class DoasGrammar
{
    // the invoking user's passwd name ending the line
    private static readonly Parser<char, string> UserAtEnd = CommonWord.Before(End);

    // "failed auth for %s" (BSD auth, PAM and shadow paths alike)
    private static readonly Parser<char, AuthEvent> FailedAuth =
        UserAtEnd.Select(user => (AuthEvent)new DoasAuthenticationFailed { User = user });

    // "tty required for %s" (BSD auth and shadow paths)
    private static readonly Parser<char, AuthEvent> TtyRequired =
        UserAtEnd.Select(user => (AuthEvent)new DoasTtyRequired { User = user });

    // "command not permitted for %s: %s" (OpenBSD doas after 1.52, OpenDoas), "failed command for %s: %s" (doas.c 1.52, 2016, and before)
    private static readonly Parser<char, AuthEvent> Refused =
        Parser.Map(
            (user, command) => (AuthEvent)new DoasCommandRefused { User = user, Command = command },
            Until(": ", intern: true).Before(Literal(": ")),
            new RestParser([], allowEmpty: false));

    // "%s ran command %s as %s from %s" (myname, cmdline, target, cwd or "(failed)"): the command runs to the last " as "
    private static readonly Parser<char, AuthEvent> Ran =
        Parser.Map(
            (user, command, target, cwd) => (AuthEvent)new DoasCommand
            {
                User = user, Command = command, Target = target, Cwd = cwd == "(failed)" ? null : cwd, Ambiguous = HoldsAsFrom(command),
            },
            CommonWord.Before(Literal(" ran command ")),
            UntilLast(" as ").Before(Literal(" as ")),
            CommonWord.Before(Literal(" from ")),
            new RestParser([], allowEmpty: false));

    // " as NAME from " inside the command: the line could also be split there
    private static bool HoldsAsFrom(string command)
    {
        var text = command.AsSpan();
        for (var at = text.IndexOf(" as ", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" as ", StringComparison.Ordinal))
        {
            text = text[(at + 4)..];
            var space = text.IndexOf(' ');
            if (space > 0 && text[space..].StartsWith(" from ", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static readonly Parser<char, AuthEvent> Message = Switch(
        ("failed auth for ", FailedAuth),
        ("tty required for ", TtyRequired),
        ("command not permitted for ", Refused),
        ("failed command for ", Refused))
        .Otherwise(Ran);

    /// <summary>A whole doas message: <c>failed auth for alice</c>, <c>alice ran command apt update as root from /home/alice</c>.</summary>
    public static readonly Parser<char, AuthEvent> Body = Message;
}
