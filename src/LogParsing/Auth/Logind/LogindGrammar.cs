using Pidgin;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Logind;

/// <summary>
/// systemd-logind's session lines (<c>src/login/logind-session.c</c>). Its other lines (<c>New seat seat0.</c>,
/// <c>Watching system buttons on ...</c>, power keys) are not auth events and stay unrecognised.
/// </summary>
public static class LogindGrammar
{
    // "New session %s of user %s.": the user name may contain dots, so it runs to the last one
    private static readonly Parser<char, AuthEvent> NewSession =
        Parser.Map(
            (id, user) => (AuthEvent)new LogindNewSession { SessionId = id, User = user },
            Until(" of user ").Before(Literal(" of user ")),
            UntilLast(".", allowEmpty: false).Before(Literal(".")).Before(End));

    // "New session '%s' of user '%s' with class '%s' and type '%s'." (newer systemd)
    private static readonly Parser<char, AuthEvent> NewQuotedSession =
        Parser.Map(
            (id, user, @class, type) => (AuthEvent)new LogindNewSession { SessionId = id, User = user, Class = @class, Type = type },
            Until("' of user '").Before(Literal("' of user '")),
            Until("' with class '").Before(Literal("' with class '")),
            Until("' and type '", intern: true).Before(Literal("' and type '")),
            Until("'.", intern: true).Before(Literal("'.")).Before(End));

    // "Session %s logged out. Waiting for processes to exit."
    private static readonly Parser<char, AuthEvent> LoggedOut =
        Until(" logged out. ").Before(Literal(" logged out. Waiting for processes to exit.")).Before(End)
            .Select(id => (AuthEvent)new LogindSessionLoggedOut { SessionId = id });

    // "Removed session %s."
    private static readonly Parser<char, AuthEvent> Removed =
        Until(".").Before(Literal(".")).Before(End)
            .Select(id => (AuthEvent)new LogindSessionRemoved { SessionId = id });

    /// <summary>A whole logind session line: new session, logged out, removed.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        ("New session '", NewQuotedSession),
        ("New session ", NewSession),
        ("Session ", LoggedOut),
        ("Removed session ", Removed));

    /// <summary>The logind family's claims: systemd-logind's session lines.</summary>
    internal static readonly AuthFamily Family = new("logind")
    {
        Programs = ProgramClaim.All(Body, "systemd-logind"),
        Json = LogindJsonContext.Default,
    };
}
