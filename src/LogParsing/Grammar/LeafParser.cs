using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Base of the span-scanning leaf parsers: a leaf reads the start of the input as a span and says how much it took, or
/// that it does not match, in which case nothing is consumed. So leaves compose with every Pidgin combinator without
/// <c>Try</c>, and the parse state is handled here, once. Each (sealed) leaf's one-line <c>TryParse</c> calls its own
/// <see cref="Read"/> and <see cref="Complete"/>: a call on a sealed type's <c>this</c> is direct, where a base-class
/// <c>TryParse</c> calling an abstract <c>Read</c> cost every leaf a second virtual call (measured: 1 to 5% a line).
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
    /// <summary>The most input the leaf needs to see.</summary>
    protected int LookAhead { get; } = lookAhead;

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

    /// <summary>Advances past what <see cref="Read"/> took, or records the leaf's label on a loud failure.</summary>
    protected bool Complete(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, int taken)
    {
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
