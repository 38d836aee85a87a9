using Pidgin;

namespace LogParsing.Grammar;

/// <summary>An unsigned decimal integer that fits a <see cref="long"/> (byte counts, file positions).</summary>
internal sealed class Int64Parser() : LeafParser<long>("integer")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out long result)
    {
        var rest = state.LookAhead(20);
        var n = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n])) n++;
        if (n == 0 || !long.TryParse(rest[..n], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result))
            return Fail(ref state, ref expecteds, out result);
        state.Advance(n);
        return true;
    }
}
