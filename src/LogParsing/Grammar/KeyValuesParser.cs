using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Space-separated <c>key=value</c> pairs, values possibly empty: <c>logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=rda</c>
/// (pam_unix writes two spaces before <c>user=</c>). Stops before the first word that is not a pair.
/// </summary>
internal sealed class KeyValuesParser() : LeafParser<ImmutableArray<KeyValuePair<string, string>>>("key=value pairs")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out ImmutableArray<KeyValuePair<string, string>> result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out ImmutableArray<KeyValuePair<string, string>> result)
    {
        // Two passes over a few dozen characters: count, then fill an array of exactly that size, handed over without
        // a builder or a copy.
        var count = Pairs(rest, default, out var consumed);
        if (count == 0)
            return Fail(out result);
        var pairs = new KeyValuePair<string, string>[count];
        Pairs(rest, pairs, out _);
        result = ImmutableCollectionsMarshal.AsImmutableArray(pairs);
        return consumed;
    }

    // The pairs at the start of text (written into pairs when it is not empty), and the characters they take.
    private static int Pairs(ReadOnlySpan<char> text, Span<KeyValuePair<string, string>> pairs, out int consumed)
    {
        var count = 0;
        var i = 0;
        consumed = 0;
        while (true)
        {
            var start = i;
            while (start < text.Length && text[start] == ' ') start++;
            var word = text[start..];
            var space = word.IndexOf(' ');
            if (space >= 0) word = word[..space];
            var eq = word.IndexOf('=');
            if (eq <= 0) return count;
            if (!pairs.IsEmpty)
                pairs[count] = new(StringPool.Shared.Get(word[..eq]), StringPool.Shared.Get(word[(eq + 1)..]));
            count++;
            i = start + word.Length;
            consumed = i;
        }
    }
}
