using System.Collections.Immutable;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Space-separated <c>key=value</c> pairs, values possibly empty: <c>logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=rda</c>
/// (pam_unix writes two spaces before <c>user=</c>). Stops before the first word that is not a pair.
/// </summary>
internal sealed class KeyValuesParser() : LeafParser<ImmutableArray<KeyValuePair<string, string>>>("key=value pairs")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out ImmutableArray<KeyValuePair<string, string>> result)
    {
        var rest = Rest(ref state);
        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(8);
        var i = 0;
        var consumed = 0;
        while (true)
        {
            var start = i;
            while (start < rest.Length && rest[start] == ' ') start++;
            var word = rest[start..];
            var space = word.IndexOf(' ');
            if (space >= 0) word = word[..space];
            var eq = word.IndexOf('=');
            if (eq <= 0) break;
            builder.Add(new(StringPool.Shared.Get(word[..eq]), new string(word[(eq + 1)..])));
            i = start + word.Length;
            consumed = i;
        }
        if (builder.Count == 0)
            return Fail(ref state, ref expecteds, out result);
        result = builder.DrainToImmutable();
        state.Advance(consumed);
        return true;
    }
}
