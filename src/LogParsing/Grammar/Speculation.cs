namespace LogParsing.Grammar;

/// <summary>
/// Whether the parsers running now are only trying a branch whose failure will be discarded (inside <c>Maybe()</c>,
/// a <c>FirstOf</c> alternative that is not the last, a prefix-switch case with a fallback). Leaves then fail without
/// recording what they expected: that record, which Pidgin keeps for error messages, was the most expensive part of the
/// common path, and nobody would read it.
/// </summary>
internal static class Speculation
{
    [ThreadStatic]
    private static int t_depth;

    public static bool Active => t_depth > 0;

    public static void Enter() => t_depth++;

    public static void Exit() => t_depth--;
}
