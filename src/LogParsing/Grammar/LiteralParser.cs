using Pidgin;

namespace LogParsing.Grammar;

/// <summary>Matches a fixed text by ordinal comparison: one span compare, no per-character work.</summary>
internal sealed class LiteralParser(string text) : LeafParser<Unit>($"\"{text}\"")
{
    public string Text { get; } = text;

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
    {
        if (!state.LookAhead(Text.Length).SequenceEqual(Text))
            return Fail(ref state, ref expecteds, out result);
        state.Advance(Text.Length);
        result = Unit.Value;
        return true;
    }
}
