using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Base of the span-scanning leaf parsers. A leaf either succeeds and consumes what it read,
/// or fails having consumed nothing, so it composes with every Pidgin combinator without <c>Try</c>.
/// </summary>
/// <remarks>
/// Failing is the expensive path in Pidgin (every failed branch records what it expected), so leaves
/// record exactly one expectation and never allocate on failure.
/// </remarks>
internal abstract class LeafParser<T> : Parser<char, T>
{
    private readonly string _label;

    protected LeafParser(string label) => _label = label;

    /// <summary>Everything left in the input (Pidgin hands out at most what exists).</summary>
    protected static ReadOnlySpan<char> Rest(ref ParseState<char> state) => state.LookAhead(int.MaxValue);

    protected bool Fail(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        if (Quiet.IsOn(ref state))
        {
            result = default!;
            return false;
        }
        var eof = !state.HasCurrent;
        state.SetError(eof ? Maybe.Nothing<char>() : Maybe.Just(state.Current), eof, state.Location, null);
        expecteds.Add(new Expected<char>(_label));
        result = default!;
        return false;
    }
}
