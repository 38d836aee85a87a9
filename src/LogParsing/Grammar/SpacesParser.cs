using Pidgin;

namespace LogParsing.Grammar;

/// <summary>One or more spaces, scanned in one go.</summary>
internal sealed class SpacesParser() : LeafParser<Unit>("space", 64)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out Unit result)
    {
        var n = 0;
        while (n < rest.Length && rest[n] == ' ') n++;
        if (n == 0)
            return Fail(out result);
        result = Unit.Value;
        return n;
    }
}
