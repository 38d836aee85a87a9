using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The text before a delimiter (first or last occurrence), without consuming the delimiter.
/// Anchoring on the last occurrence is what makes "Invalid user a b from 1.2.3.4" read the user "a b".
/// </summary>
internal sealed class TextUntilParser(string delimiter, bool last, bool allowEmpty, bool orEnd, bool intern = false)
    : LeafParser<string>($"text before \"{delimiter}\"")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var at = last ? rest.LastIndexOf(delimiter, StringComparison.Ordinal) : rest.IndexOf(delimiter, StringComparison.Ordinal);
        if (at < 0)
        {
            if (!orEnd)
                return Fail(out result);
            at = rest.Length;
        }
        if (at == 0 && !allowEmpty)
            return Fail(out result);
        result = at == 0 ? string.Empty : intern ? StringPool.Shared.Get(rest[..at]) : new string(rest[..at]);
        return at;
    }
}
