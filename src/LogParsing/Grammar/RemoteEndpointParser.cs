using System.Net;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// A remote host as sshd writes it: an address or name, then an optional <c> port N</c>
/// (sshd before 7.3 wrote no port on several messages).
/// </summary>
internal sealed class RemoteEndpointParser() : LeafParser<RemoteEndpoint>("remote host")
{
    private const string PortWord = " port ";

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out RemoteEndpoint result)
    {
        var rest = Rest(ref state);
        var end = rest.IndexOf(' ');
        if (end < 0) end = rest.Length;
        var host = rest[..end];
        if (host.IsEmpty)
            return Fail(ref state, ref expecteds, out result);

        var consumed = end;
        int? port = null;
        var after = rest[end..];
        if (after.StartsWith(PortWord, StringComparison.Ordinal))
        {
            var digits = after[PortWord.Length..];
            var n = 0;
            var value = 0;
            while (n < digits.Length && n < 6 && char.IsAsciiDigit(digits[n]))
                value = value * 10 + (digits[n++] - '0');
            if (n > 0 && value <= 65535)
            {
                port = value;
                consumed += PortWord.Length + n;
            }
        }
        result = Create(host, port);
        state.Advance(consumed);
        return true;
    }

    internal static RemoteEndpoint Create(ReadOnlySpan<char> host, int? port)
    {
        var known = RemoteHosts.Get(host);
        return new RemoteEndpoint(known.Host, known.Address, port);
    }

    /// <summary>A host as written and its parsed address (null for a name).</summary>
    private sealed record KnownHost(string Host, IPAddress? Address);

    /// <summary>
    /// The hosts seen lately, with their addresses parsed once: a host that knocks a thousand times is one string and one
    /// <see cref="IPAddress"/>, not a thousand of each. Direct-mapped like <see cref="StringPool"/> (bounded, lock-free,
    /// a newcomer evicts). IPv6 addresses are not shared, because <see cref="IPAddress.ScopeId"/> can be set.
    /// </summary>
    private static class RemoteHosts
    {
        private const int MaxLength = 64;
        private static readonly KnownHost?[] Slots = new KnownHost?[StringPool.Capacity];

        public static KnownHost Get(ReadOnlySpan<char> host)
        {
            if (host.Length > MaxLength) return Parse(host);
            ref var slot = ref Slots[StringPool.Slot(host)];
            var known = slot;
            if (known is not null && host.SequenceEqual(known.Host)) return known;
            known = Parse(host);
            if (known.Address is not { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 })
                slot = known;
            return known;
        }

        private static KnownHost Parse(ReadOnlySpan<char> host) =>
            new(new string(host), DottedQuad(host) ?? (IPAddress.TryParse(host, out var parsed) && LooksLikeAddress(host) ? parsed : null));
    }

    // The usual case read directly: four decimal octets without leading zeros (IPAddress.TryParse reads "010" as octal,
    // so anything unusual goes the long way).
    private static IPAddress? DottedQuad(ReadOnlySpan<char> host)
    {
        Span<byte> octets = stackalloc byte[4];
        var i = 0;
        for (var n = 0; n < 4; n++)
        {
            if (n > 0 && (i >= host.Length || host[i++] != '.')) return null;
            var start = i;
            var value = 0;
            while (i < host.Length && i - start < 3 && char.IsAsciiDigit(host[i])) value = value * 10 + (host[i++] - '0');
            if (i == start || value > 255 || (host[start] == '0' && i - start > 1)) return null;
            octets[n] = (byte)value;
        }
        return i == host.Length ? new IPAddress(octets) : null;
    }

    // IPAddress.TryParse accepts "1234" and "0x7f.1" as IPv4; a host written that way is a name, not an address.
    private static bool LooksLikeAddress(ReadOnlySpan<char> host) =>
        host.Contains(':') || (host.Count('.') == 3 && !host.ContainsAnyExcept(DigitsAndDots));

    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");
}
