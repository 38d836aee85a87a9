using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Cron;

/// <summary>
/// cron's own lines: <c>(%s) %s (%s)</c> = user, action, detail (cronie <c>log_it</c>, Debian cron alike).
/// The detail may hold parentheses, so it runs to the <em>last</em> <c>)</c>.
/// </summary>
public static class CronGrammar
{
    /// <summary><c>(root) </c>: the user in parentheses.</summary>
    public static readonly Parser<char, string> User =
        Literal("(").Then(Until(")", intern: true)).Before(Literal(") "));

    /// <summary><c>(detail)</c> to the end of the line.</summary>
    public static readonly Parser<char, string> Detail =
        Literal("(").Then(UntilLast(")", allowEmpty: true)).Before(Literal(")")).Before(End);

    /// <summary>A whole cron line: <c>(root) CMD (command)</c>, or another action.</summary>
    public static readonly Parser<char, AuthEvent> Body =
        Parser.Map(
            (user, action, detail) => action == "CMD"
                ? (AuthEvent)new CronCommand { User = user, Command = detail }
                : new CronAction { User = user, Action = action, Detail = detail },
            User,
            Until(" (", intern: true).Before(Space),
            Detail);
}
