using Pidgin;

namespace LogParsing.Grammar;

/// <summary>An unsigned decimal integer that fits an <see cref="int"/>; more digits than that is a failure, not an overflow.</summary>
internal sealed class IntegerParser() : LeafParser<int>("integer", 11)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out int result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out int result)
    {
        var n = 0;
        long value = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n]))
        {
            value = value * 10 + (rest[n] - '0');
            n++;
        }
        if (n == 0 || n > 10 || value > int.MaxValue)
            return Fail(out result);
        result = (int)value;
        return n;
    }
}
