using System.Buffers;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>A non-empty run of characters up to the first stop character (a space by default) or the end.</summary>
internal sealed class WordParser(SearchValues<char> stops, string label, bool intern) : LeafParser<string>(label)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var end = rest.IndexOfAny(stops);
        if (end < 0) end = rest.Length;
        if (end == 0)
            return Fail(out result);
        var word = rest[..end];
        result = intern ? StringPool.Shared.Get(word) : new string(word);
        return end;
    }
}
