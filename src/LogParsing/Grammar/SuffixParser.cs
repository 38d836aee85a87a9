using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// An optional trailing marker: true (consumed) when the rest of the input is exactly <paramref name="suffix"/>,
/// false at the end of the input, a failure (nothing consumed) anywhere else. Pairs with <see cref="Scan.RestBefore"/>.
/// </summary>
internal sealed class SuffixParser(string suffix) : LeafParser<bool>($"\"{suffix}\" or end of input")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out bool result)
    {
        var rest = state.LookAhead(suffix.Length + 1);
        if (rest.IsEmpty)
        {
            result = false;
            return true;
        }
        if (rest.Length != suffix.Length || !rest.SequenceEqual(suffix))
            return Fail(ref state, ref expecteds, out result);
        state.Advance(suffix.Length);
        result = true;
        return true;
    }
}
