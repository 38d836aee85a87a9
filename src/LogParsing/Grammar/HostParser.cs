using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// A host as written: an IPv4 or IPv6 address (see <see cref="IPAddressParser"/>), else a DNS name of letters, digits,
/// dots, hyphens and underscores. Stops before a <c>:port</c>, a space, a bracket or any other character.
/// </summary>
internal sealed class HostParser() : LeafParser<string>("host", 256)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var length = IPAddressParser.Measure(rest, out _);
        if (length == 0)
        {
            while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '.' or '-' or '_')) length++;
            if (length == 0)
                return Fail(out result);
        }
        result = StringPool.Shared.Get(rest[..length]);
        return length;
    }
}
