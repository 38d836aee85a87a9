using Pidgin;

namespace LogParsing.Grammar;

/// <summary>An unsigned decimal integer that fits an <see cref="int"/>; more digits than that is a failure, not an overflow.</summary>
internal sealed class IntegerParser() : LeafParser<int>("integer")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out int result)
    {
        var rest = state.LookAhead(11);
        var n = 0;
        long value = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n]))
        {
            value = value * 10 + (rest[n] - '0');
            n++;
        }
        if (n == 0 || n > 10 || value > int.MaxValue)
            return Fail(ref state, ref expecteds, out result);
        state.Advance(n);
        result = (int)value;
        return true;
    }
}
