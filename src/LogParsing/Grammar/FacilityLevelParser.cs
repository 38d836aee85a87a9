using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// busybox's <c>auth.info </c> before the tag (a known facility, a dot, a severity, a space), or with
/// <paramref name="terminator"/> <c>": "</c> socklog's <c>auth.info: </c> in place of the priority.
/// </summary>
internal sealed class FacilityLevelParser(string terminator = " ") : LeafParser<Unit>("facility.level", 32)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out Unit result)
    {
        var end = rest.IndexOf(terminator, StringComparison.Ordinal);
        if (end <= 0 || !IsFacilityLevel(rest[..end]))
            return Fail(out result);
        result = Unit.Value;
        return end + terminator.Length;
    }

    /// <summary>True for a known <c>facility.severity</c> word such as <c>auth.info</c>.</summary>
    internal static bool IsFacilityLevel(ReadOnlySpan<char> word)
    {
        var dot = word.IndexOf('.');
        return dot > 0 && IsFacility(word[..dot]) && IsSeverity(word[(dot + 1)..]);
    }

    private static bool IsFacility(ReadOnlySpan<char> f) => f switch
    {
        "auth" or "authpriv" or "daemon" or "user" or "kern" or "mail" or "cron" or "syslog" or "local0" or "local1" or "local2"
            or "local3" or "local4" or "local5" or "local6" or "local7" or "security" or "news" or "uucp" or "ftp" or "lpr" => true,
        _ => false,
    };

    private static bool IsSeverity(ReadOnlySpan<char> s) => s switch
    {
        "emerg" or "alert" or "crit" or "err" or "error" or "warn" or "warning" or "notice" or "info" or "debug" => true,
        _ => false,
    };
}
