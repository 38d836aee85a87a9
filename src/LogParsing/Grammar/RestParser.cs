using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The rest of the input, stopping before the first of <paramref name="suffixes"/> that ends it,
/// so a trailing marker such as <c> [preauth]</c> is left for the parser that reads it.
/// </summary>
internal sealed class RestParser(string[] suffixes, bool allowEmpty, bool intern = false) : LeafParser<string>("rest of line")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var length = rest.Length;
        foreach (var suffix in suffixes)
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                length -= suffix.Length;
                break;
            }
        }
        if (length == 0 && !allowEmpty)
            return Fail(out result);
        result = length == 0 ? string.Empty : intern ? StringPool.Shared.Get(rest[..length]) : new string(rest[..length]);
        return length;
    }
}
