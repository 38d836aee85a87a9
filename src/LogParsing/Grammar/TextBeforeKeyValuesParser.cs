using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Free text up to the first word that is a <c>key=value</c> pair (the spaces before it are left for
/// <see cref="KeyValuesParser"/>, which skips them), or all the rest. Possibly empty; never fails.
/// </summary>
internal sealed class TextBeforeKeyValuesParser() : LeafParser<string>("text")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var end = 0;
        var i = 0;
        while (i < rest.Length)
        {
            var wordStart = i;
            while (wordStart < rest.Length && rest[wordStart] == ' ') wordStart++;
            var word = rest[wordStart..];
            var space = word.IndexOf(' ');
            if (space >= 0) word = word[..space];
            if (word.IndexOf('=') > 0) break;
            i = wordStart + word.Length;
            end = i;
            if (word.IsEmpty) break;
        }
        result = end == 0 ? string.Empty : new string(rest[..end]);
        return end;
    }
}
