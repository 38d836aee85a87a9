using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Fail2Ban;

/// <summary>
/// The level column: <c>NOTICE  </c> (padded to 7 then one space), <c>Level 39 </c>, <c>#39-Lev. </c>. Consumes the
/// padding but no more, so a message that itself starts with spaces (<c>  maxRetry: 5</c>) keeps them.
/// </summary>
internal sealed class LevelParser() : LeafParser<string>("log level", 64)
{
    private const int PaddedWidth = 7;

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var end = rest.IndexOf(' ');
        if (end < 0) end = rest.Length;
        if (end == 0)
            return Fail(out result);
        if (rest[..end].SequenceEqual("Level") && end + 1 < rest.Length && char.IsAsciiDigit(rest[end + 1]))
        {
            end++;
            while (end < rest.Length && char.IsAsciiDigit(rest[end])) end++;
        }
        var level = rest[..end];
        if (!IsLevel(level))
            return Fail(out result);
        var spaces = Math.Max(1, PaddedWidth + 1 - end);
        var i = end;
        while (i < rest.Length && rest[i] == ' ' && i - end < spaces) i++;
        result = StringPool.Shared.Get(level);
        return i;
    }

    private static bool IsLevel(ReadOnlySpan<char> word) =>
        word.StartsWith("Level ", StringComparison.Ordinal) || word.StartsWith('#') || (word.Length <= 10 && !word.ContainsAnyExceptInRange('A', 'Z'));
}
