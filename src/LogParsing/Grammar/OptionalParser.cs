using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// <paramref name="parser"/> if it succeeds, else nothing, from where it started (it may have consumed input before
/// failing). Cheaper than Pidgin's <c>Optional()</c> / <c>Try(..).Or(..)</c> on the failing path, which is the common
/// one for optional pieces of log lines: the failure's expectations are dropped, not merged.
/// </summary>
internal sealed class OptionalParser<T>(Parser<char, T> parser) : Parser<char, Maybe<T>>
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Maybe<T> result)
    {
        var count = expecteds.Count;
        var mark = state.Bookmark();
        if (parser.TryParse(ref state, ref expecteds, out var value))
        {
            state.DiscardBookmark(mark);
            result = Maybe.Just(value);
            return true;
        }
        state.Rewind(mark);
        while (expecteds.Count > count) expecteds.Pop();
        result = Maybe.Nothing<T>();
        return true;
    }
}
