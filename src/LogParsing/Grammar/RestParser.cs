using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The rest of the input, stopping before the first of <paramref name="suffixes"/> that ends it,
/// so a trailing marker such as <c> [preauth]</c> is left for the parser that reads it.
/// </summary>
internal sealed class RestParser(string[] suffixes, bool allowEmpty, bool intern = false) : LeafParser<string>("rest of line")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
    {
        var rest = Rest(ref state);
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
            return Fail(ref state, ref expecteds, out result);
        result = length == 0 ? string.Empty : intern ? StringPool.Shared.Get(rest[..length]) : new string(rest[..length]);
        state.Advance(length);
        return true;
    }
}
