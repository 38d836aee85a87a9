using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// RFC 5424 STRUCTURED-DATA: <c>-</c>, or one or more <c>[id param="value"...]</c> elements, where values may hold
/// <c>]</c> inside quotes and <c>\"</c>, <c>\]</c> escapes. Returns the text as written (null for <c>-</c>).
/// </summary>
internal sealed class StructuredDataParser() : LeafParser<string?>("structured data")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string? result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string? result)
    {
        if (rest.StartsWith('-'))
        {
            result = null;
            return 1;
        }
        var i = 0;
        while (i < rest.Length && rest[i] == '[')
        {
            i++;
            var quoted = false;
            while (i < rest.Length && (quoted || rest[i] != ']'))
            {
                if (rest[i] == '\\' && i + 1 < rest.Length) i++;
                else if (rest[i] == '"') quoted = !quoted;
                i++;
            }
            if (i >= rest.Length)
                return Fail(out result);
            i++;
        }
        if (i == 0)
            return Fail(out result);
        result = new string(rest[..i]);
        return i;
    }
}
