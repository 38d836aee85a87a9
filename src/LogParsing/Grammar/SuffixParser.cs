using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// An optional trailing marker: true (consumed) when the rest of the input is exactly <paramref name="suffix"/>,
/// false at the end of the input, a failure (nothing consumed) anywhere else. Pairs with <see cref="Scan.RestBefore"/>.
/// </summary>
internal sealed class SuffixParser(string suffix) : LeafParser<bool>($"\"{suffix}\" or end of input", suffix.Length + 1)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out bool result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out bool result)
    {
        if (rest.IsEmpty)
        {
            result = false;
            return 0;
        }
        if (rest.Length != suffix.Length || !rest.SequenceEqual(suffix))
            return Fail(out result);
        result = true;
        return suffix.Length;
    }
}
