using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Sudo;

/// <summary>
/// The reason at the start of a sudo line, up to the first <c> ; </c>: any text that is not one of sudo's
/// <c>KEY=value</c> fields (an upper-case word and <c>=</c>). Fails, consuming nothing, on a field, so a line
/// that starts with <c>TTY=</c> has no reason.
/// </summary>
internal sealed class SudoReasonParser() : LeafParser<string>("sudo reason")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var end = rest.IndexOf(" ; ", StringComparison.Ordinal);
        if (end <= 0 || IsField(rest[..end]))
            return Fail(out result);
        result = new string(rest[..end]);
        return end;
    }

    private static bool IsField(ReadOnlySpan<char> segment)
    {
        var equals = segment.IndexOf('=');
        if (equals <= 0) return false;
        foreach (var c in segment[..equals])
            if (!char.IsAsciiLetterUpper(c)) return false;
        return true;
    }
}
