using Pidgin;

namespace LogParsing.Grammar;

/// <summary>An unsigned decimal integer that fits a <see cref="long"/> (byte counts, file positions).</summary>
internal sealed class Int64Parser() : LeafParser<long>("integer", 20)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out long result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out long result)
    {
        var n = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n])) n++;
        if (n == 0 || !long.TryParse(rest[..n], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result))
            return Fail(out result);
        return n;
    }
}
