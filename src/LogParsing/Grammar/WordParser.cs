using System.Buffers;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>A non-empty run of characters up to the first stop character (a space by default) or the end.</summary>
internal sealed class WordParser(SearchValues<char> stops, string label, bool intern) : LeafParser<string>(label)
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
    {
        var rest = Rest(ref state);
        var end = rest.IndexOfAny(stops);
        if (end < 0) end = rest.Length;
        if (end == 0)
            return Fail(ref state, ref expecteds, out result);
        var word = rest[..end];
        result = intern ? StringPool.Shared.Get(word) : new string(word);
        state.Advance(end);
        return true;
    }
}
