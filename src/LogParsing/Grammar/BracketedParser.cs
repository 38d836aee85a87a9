using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Text between <paramref name="open"/> and the next <paramref name="close"/>, possibly empty: <c>[alice]</c> gives
/// <c>alice</c>. Fails without consuming when the input does not start with <paramref name="open"/> or never closes.
/// </summary>
internal sealed class BracketedParser(char open, char close, bool intern) : LeafParser<string>($"text in {open}{close}")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        if (rest.IsEmpty || rest[0] != open)
            return Fail(out result);
        var end = rest[1..].IndexOf(close);
        if (end < 0)
            return Fail(out result);
        var text = rest.Slice(1, end);
        result = intern ? StringPool.Shared.Get(text) : new string(text);
        return end + 2;
    }
}
