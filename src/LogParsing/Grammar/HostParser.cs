using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// A host as written: an IPv4 or IPv6 address (see <see cref="IPAddressParser"/>), else a DNS name of letters, digits,
/// dots, hyphens and underscores. Stops before a <c>:port</c>, a space, a bracket or any other character.
/// </summary>
internal sealed class HostParser() : LeafParser<string>("host")
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
    {
        var rest = state.LookAhead(256);
        var length = IPAddressParser.Measure(rest, out _);
        if (length == 0)
        {
            while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '.' or '-' or '_')) length++;
            if (length == 0)
                return Fail(ref state, ref expecteds, out result);
        }
        result = StringPool.Shared.Get(rest[..length]);
        state.Advance(length);
        return true;
    }
}
