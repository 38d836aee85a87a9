using Pidgin;

namespace LogParsing.Grammar;

/// <summary>The first of <paramref name="parsers"/> that succeeds, each tried from the same position (backtracking), failures' expectations dropped.</summary>
internal sealed class FirstOfParser<T>(Parser<char, T>[] parsers) : Parser<char, T>
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        var count = expecteds.Count;
        for (var i = 0; i < parsers.Length; i++)
        {
            var mark = state.Bookmark();
            if (parsers[i].TryParse(ref state, ref expecteds, out result!))
            {
                state.DiscardBookmark(mark);
                while (expecteds.Count > count) expecteds.Pop();
                return true;
            }
            state.Rewind(mark);
            if (i < parsers.Length - 1)
                while (expecteds.Count > count) expecteds.Pop();
        }
        result = default!;
        return false;
    }
}
