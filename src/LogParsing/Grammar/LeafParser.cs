using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Base of the span-scanning leaf parsers: a leaf reads the start of the input as a span and says how much it took, or
/// that it does not match, in which case nothing is consumed. So leaves compose with every Pidgin combinator without
/// <c>Try</c>, and the parse state is handled here, once.
/// </summary>
/// <remarks>
/// Failing is the expensive path in Pidgin (every failed branch records what it expected), so a leaf records exactly
/// one expectation, its label, only when the parse is not <see cref="Quiet"/>, and never allocates on failure.
/// </remarks>
/// <typeparam name="T">What the leaf reads.</typeparam>
/// <param name="label">What a failure says was expected: <c>"port"</c>, <c>IP address</c>.</param>
/// <param name="lookAhead">The most input the leaf needs to see (all of it by default).</param>
internal abstract class LeafParser<T>(string label, int lookAhead = int.MaxValue) : Parser<char, T>
{
    /// <summary>What <see cref="Read"/> returns when the input does not start with what the leaf reads.</summary>
    protected const int NoMatch = -1;

    /// <summary>Reads the start of <paramref name="input"/>: the characters taken (0 or more), or <see cref="NoMatch"/>.</summary>
    /// <param name="input">The rest of the input, at most the leaf's look-ahead.</param>
    /// <param name="result">What was read; anything on <see cref="NoMatch"/>.</param>
    protected abstract int Read(ReadOnlySpan<char> input, out T result);

    /// <summary>A failed read: no result, nothing taken.</summary>
    protected static int Fail(out T result)
    {
        result = default!;
        return NoMatch;
    }

    /// <inheritdoc />
    public sealed override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        var taken = Read(state.LookAhead(lookAhead), out result);
        if (taken >= 0)
        {
            state.Advance(taken);
            return true;
        }
        if (!Quiet.IsOn(ref state))
        {
            var eof = !state.HasCurrent;
            state.SetError(eof ? Maybe.Nothing<char>() : Maybe.Just(state.Current), eof, state.Location, null);
            expecteds.Add(new Expected<char>(label));
        }
        return false;
    }
}
