using System.Buffers;
using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Dropbear;

/// <summary>
/// Dropbear's <c>H:P</c> (<c>svr_ses.addrstring</c>, <c>"%s:%s"</c> of the numeric host and port): <c>203.0.113.7:60588</c>,
/// <c>2001:db8::5:40122</c>, <c>::ffff:198.51.100.215:60495</c>. IPv6 is not bracketed, so the port is what follows the
/// <em>last</em> colon. Reads up to a space, <c>&gt;</c>, <c>,</c>, <c>'</c> or the end.
/// </summary>
internal sealed class DropbearAddressParser() : LeafParser<RemoteEndpoint>("host:port")
{
    private static readonly SearchValues<char> Stops = SearchValues.Create(" >,'");

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out RemoteEndpoint result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out RemoteEndpoint result)
    {
        var end = rest.IndexOfAny(Stops);
        if (end < 0) end = rest.Length;
        var text = rest[..end];
        var colon = text.LastIndexOf(':');
        var digits = colon < 0 ? default : text[(colon + 1)..];
        if (colon <= 0 || digits.IsEmpty || digits.Length > 5)
            return Fail(out result);
        var port = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return Fail(out result);
            port = port * 10 + (c - '0');
        }
        if (port > 65535)
            return Fail(out result);
        result = RemoteEndpointParser.Create(text[..colon], port);
        return end;
    }
}
