using System.Net;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// An IPv4 or IPv6 address literal. IPv4 must be a strict dotted quad (<c>1234</c> and <c>0x7f.1</c>, which
/// <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> accepts, are names here); IPv6 is the longest
/// run of hex digits, colons and dots that parses, less a trailing <c>:port</c> when only that makes it parse
/// (<c>::ffff:203.0.113.5:51234</c> as OpenVPN writes it).
/// </summary>
internal sealed class IPAddressParser() : LeafParser<IPAddress>("IP address", 64)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out IPAddress result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out IPAddress result)
    {
        var length = Measure(rest, out var address);
        if (length == 0)
            return Fail(out result);
        result = address!;
        return length;
    }

    /// <summary>The length of the address at the start of <paramref name="s"/>, 0 when there is none.</summary>
    internal static int Measure(ReadOnlySpan<char> s, out IPAddress? address)
    {
        var v4 = Ipv4Length(s, out var octets, out var plain);
        if (v4 > 0)
        {
            // IPAddress reads a leading zero as octal ("010" is 8): only plain octets are taken as written.
            address = plain ? new IPAddress(octets) : IPAddress.Parse(s[..v4]);
            return v4;
        }
        var run = 0;
        var colons = 0;
        while (run < s.Length && (char.IsAsciiHexDigit(s[run]) || s[run] is ':' or '.'))
        {
            if (s[run] == ':') colons++;
            run++;
        }
        if (colons >= 2 && IsAddressEnd(s, run) && IPAddress.TryParse(s[..run], out address))
            return run;
        // "2001:db8::1:51234", "::ffff:1.2.3.4:51234": an address, then ":port".
        var lastColon = s[..run].LastIndexOf(':');
        if (colons >= 3 && lastColon > 0 && IsAddressEnd(s, run) && IPAddress.TryParse(s[..lastColon], out address))
            return lastColon;
        address = null;
        return 0;
    }

    /// <summary>
    /// <paramref name="host"/> as an address when it is exactly four plain decimal octets (no leading zeros), else null:
    /// the usual remote host, read without <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>.
    /// </summary>
    internal static IPAddress? DottedQuad(ReadOnlySpan<char> host) =>
        PlainDottedQuad(host, out var octets) ? new IPAddress(octets) : null;

    /// <summary>True when <paramref name="host"/> is exactly four plain decimal octets, packed first octet lowest as <see cref="IPAddress(long)"/> takes them.</summary>
    internal static bool PlainDottedQuad(ReadOnlySpan<char> host, out uint octets) =>
        Ipv4Length(host, out octets, out var plain) == host.Length && plain;

    // Four decimal octets 0-255 of 1-3 digits, not followed by another digit, dot or letter; plain when no octet has a
    // leading zero.
    private static int Ipv4Length(ReadOnlySpan<char> s, out uint octets, out bool plain)
    {
        octets = 0;
        plain = true;
        var i = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= s.Length || s[i] != '.') return 0;
                i++;
            }
            var start = i;
            var value = 0;
            while (i < s.Length && i - start < 3 && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
            if (i == start || value > 255) return 0;
            if (s[start] == '0' && i - start > 1) plain = false;
            octets |= (uint)value << (8 * octet);
        }
        return IsAddressEnd(s, i) && (i == s.Length || s[i] != '.') ? i : 0;
    }

    // An address ends where a name could not go on: "1.2.3.4x" and "1.2.3.4-a" are names.
    private static bool IsAddressEnd(ReadOnlySpan<char> s, int i) =>
        i == s.Length || !(char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_');
}
