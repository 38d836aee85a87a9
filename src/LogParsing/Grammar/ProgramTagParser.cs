using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// <c>program[pid]: </c> or <c>program: </c> (consuming the one space that separates the tag from the
/// message, so leading spaces of the message itself, as in sudo's right-aligned user, survive); also metalog's
/// <c>[sshd]: </c> / <c>[sshd] </c> and a pid without its colon, <c>sshd[20974] </c>.
/// </summary>
internal sealed class ProgramTagParser() : LeafParser<ProgramTag>("program tag", 256)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out ProgramTag result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out ProgramTag result)
    {
        if (!rest.IsEmpty && rest[0] == '[')
            return Bracketed(rest, out result);
        var colon = rest.IndexOfAny(": ");
        if (colon > 0 && rest[colon] == ' ' && rest[colon - 1] == ']' && rest[..colon].IndexOf('[') > 0)
        {
            // "sshd[20974] error: ..." (seen from some relays): the pid ends the tag without a colon.
            return WithPid(rest[..colon], colon, out result);
        }
        var consumed = ReadColonTag(rest, out result);
        return consumed == 0 ? Fail(out result) : consumed;
    }

    /// <summary>
    /// The usual tag, <c>program[pid]: </c> or <c>program: </c>, at the start of <paramref name="rest"/>: the characters it
    /// takes (the colon and one space), or 0 when <paramref name="rest"/> does not start with one.
    /// </summary>
    internal static int ReadColonTag(ReadOnlySpan<char> rest, out ProgramTag result)
    {
        result = default;
        var colon = rest.IndexOfAny(": ");
        if (colon <= 0 || rest[colon] != ':' || rest[0] == '[') return 0;
        var tag = rest[..colon];
        int? pid = null;
        if (tag[^1] == ']')
        {
            var open = tag.LastIndexOf('[');
            if (open <= 0 || !AsciiNumber.TryParseInt32(tag[(open + 1)..^1], out var p)) return 0;
            pid = p;
            tag = tag[..open];
        }
        var consumed = colon + 1;
        if (consumed < rest.Length && rest[consumed] == ' ') consumed++;
        result = new ProgramTag(StringPool.Shared.Get(tag), pid);
        return consumed;
    }

    private static int WithPid(ReadOnlySpan<char> tag, int end, out ProgramTag result)
    {
        var open = tag.LastIndexOf('[');
        if (!AsciiNumber.TryParseInt32(tag[(open + 1)..^1], out var pid))
            return Fail(out result);
        result = new ProgramTag(StringPool.Shared.Get(tag[..open]), pid);
        return end + 1;
    }

    // metalog: "[sshd]: message" or "[sshd] message"
    private static int Bracketed(ReadOnlySpan<char> rest, out ProgramTag result)
    {
        var close = rest.IndexOf(']');
        if (close <= 1 || rest[1..close].ContainsAny(" ["))
            return Fail(out result);
        var consumed = close + 1;
        if (consumed < rest.Length && rest[consumed] == ':') consumed++;
        if (consumed < rest.Length && rest[consumed] == ' ') consumed++;
        result = new ProgramTag(StringPool.Shared.Get(rest[1..close]), null);
        return consumed;
    }
}
