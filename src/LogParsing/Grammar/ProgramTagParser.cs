using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// <c>program[pid]: </c> or <c>program: </c> (consuming the one space that separates the tag from the
/// message, so leading spaces of the message itself, as in sudo's right-aligned user, survive).
/// </summary>
internal sealed class ProgramTagParser() : LeafParser<ProgramTag>("program tag")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out ProgramTag result)
    {
        var rest = state.LookAhead(256);
        var colon = rest.IndexOfAny(": ");
        if (colon <= 0 || rest[colon] != ':')
            return Fail(ref state, ref expecteds, out result);
        var tag = rest[..colon];
        int? pid = null;
        if (tag[^1] == ']')
        {
            var open = tag.LastIndexOf('[');
            if (open <= 0 || !int.TryParse(tag[(open + 1)..^1], System.Globalization.NumberStyles.None, null, out var p))
                return Fail(ref state, ref expecteds, out result);
            pid = p;
            tag = tag[..open];
        }
        var consumed = colon + 1;
        if (consumed < rest.Length && rest[consumed] == ' ') consumed++;
        result = new ProgramTag(StringPool.Shared.Get(tag), pid);
        state.Advance(consumed);
        return true;
    }
}
