using Pidgin;

namespace LogParsing.Grammar;

/// <summary>One or more spaces, scanned in one go.</summary>
internal sealed class SpacesParser() : LeafParser<Unit>("space")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
    {
        var rest = state.LookAhead(64);
        var n = 0;
        while (n < rest.Length && rest[n] == ' ') n++;
        if (n == 0)
            return Fail(ref state, ref expecteds, out result);
        state.Advance(n);
        result = Unit.Value;
        return true;
    }
}
