using Pidgin;

namespace LogParsing.Grammar;

/// <summary>Matches a fixed text by ordinal comparison: one span compare, no per-character work.</summary>
internal sealed class LiteralParser(string text) : LeafParser<Unit>($"\"{text}\"", text.Length)
{
    public string Text { get; } = text;

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> input, out Unit result)
    {
        if (!input.SequenceEqual(Text))
            return Fail(out result);
        result = Unit.Value;
        return Text.Length;
    }
}
