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

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out RemoteEndpoint result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out RemoteEndpoint result)
    {
        var end = rest.IndexOf(' ');
        if (end < 0) end = rest.Length;
        var host = rest[..end];
        if (host.IsEmpty)
            return Fail(out result);

        var consumed = end;
        int? port = null;
        var after = rest[end..];
        if (after.StartsWith(PortWord, StringComparison.Ordinal) && ReadPort(after[PortWord.Length..], out var value) is > 0 and var n)
        {
            port = value;
            consumed += PortWord.Length + n;
        }
        result = Create(host, port);
        return consumed;
    }

    /// <summary>The TCP port at the start of <paramref name="text"/> (1 to 5 digits, at most 65535): the digits taken, or 0 when there is none.</summary>
    internal static int ReadPort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        var n = 0;
        while (n < text.Length && n < 6 && char.IsAsciiDigit(text[n])) port = port * 10 + (text[n++] - '0');
        return n > 0 && port <= 65535 ? n : 0;
    }

    internal static RemoteEndpoint Create(ReadOnlySpan<char> host, int? port)
    {
        var known = RemoteHosts.Shared.Get(host);
        // A connection's lines name one host and port: they share one endpoint (records, never changed). Threads that race
        // here each store their own, and either is a right endpoint for the next line of that host and port to share.
        if (known.Last is { } last && last.Port == port) return last;
        var endpoint = new RemoteEndpoint(known.Host, known.Address, port);
        known.Last = endpoint;
        return endpoint;
    }

    /// <summary>
    /// True when <see cref="Create"/> given <paramref name="endpoint"/>'s host and port makes an endpoint equal to it:
    /// it was made here, from that text, and its host is still known by it. A consumer that must hold endpoints for long
    /// (the session correlator) may then keep the text and make the endpoint again, instead of a reference that keeps
    /// three young objects alive until the collector has copied them into its old generation.
    /// </summary>
    /// <remarks>
    /// An IPv4 endpoint must be written as the plain dotted quad of its address (the cache may have let go of it since the
    /// line was read, on another core); anything else must still be the cache's.
    /// </remarks>
    internal static bool CanRecreate(RemoteEndpoint endpoint) =>
        V4(endpoint, out var octets) ? IsPlainV4(endpoint, octets)
        : RemoteHosts.Shared.Peek(endpoint.Host) is { } known && ReferenceEquals(known.Host, endpoint.Host) && ReferenceEquals(known.Address, endpoint.Address);

    /// <summary>True when the endpoint's address is IPv4; <paramref name="octets"/> its bytes, first octet lowest.</summary>
    internal static bool V4(RemoteEndpoint endpoint, out uint octets)
    {
        octets = 0;
        if (endpoint.Address is not { AddressFamily: System.Net.Sockets.AddressFamily.InterNetwork } v4) return false;
        Span<byte> bytes = stackalloc byte[4];
        if (!v4.TryWriteBytes(bytes, out _)) return false;
        octets = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        return true;
    }

    /// <summary>True when the host is the plain dotted quad of <paramref name="octets"/>, the endpoint's IPv4 address.</summary>
    internal static bool IsPlainV4(RemoteEndpoint endpoint, uint octets) =>
        IPAddressParser.PlainDottedQuad(endpoint.Host, out var written) && written == octets;

    /// <summary>
    /// The endpoint of <paramref name="host"/> and <paramref name="port"/>, equal to the one <see cref="Create"/> makes:
    /// the cache's when it still holds it, else a new one.
    /// </summary>
    internal static RemoteEndpoint Recreate(ReadOnlySpan<char> host, int? port) => Cached(host, port) ?? Create(host, port);

    /// <summary>
    /// The endpoint of the IPv4 address <paramref name="octets"/> (first octet lowest) written as its plain dotted quad,
    /// equal to the one <see cref="Create"/> makes: the cache's when it still holds it, else a new one, not cached, so
    /// that lines read long ago and correlated now do not push the hosts of the lines being read out of the cache.
    /// </summary>
    internal static RemoteEndpoint RecreateV4(uint octets, int? port)
    {
        Span<char> text = stackalloc char[15];
        var host = text[..FormatV4(octets, text)];
        return Cached(host, port) ?? new RemoteEndpoint(new string(host), new IPAddress(octets), port);
    }

    private static RemoteEndpoint? Cached(ReadOnlySpan<char> host, int? port) =>
        RemoteHosts.Shared.Peek(host) is not { } known ? null
        : known.Last is { } last && last.Port == port ? last : new RemoteEndpoint(known.Host, known.Address, port);

    // The plain dotted quad of octets (first octet lowest) into text (15 characters); returns its length.
    private static int FormatV4(uint octets, Span<char> text)
    {
        var n = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0) text[n++] = '.';
            var octet = (int)(octets >> (8 * i)) & 0xFF;
            if (octet >= 100) text[n++] = (char)('0' + octet / 100);
            if (octet >= 10) text[n++] = (char)('0' + octet / 10 % 10);
            text[n++] = (char)('0' + octet % 10);
        }
        return n;
    }

    /// <summary>
    /// A host as written, as reported (an IPv4-mapped address as the IPv4 one), its parsed address (null for a name), and
    /// the endpoint last made for it.
    /// </summary>
    private sealed class KnownHost(string written, string host, IPAddress? address)
    {
        public string Written { get; } = written;
        public string Host { get; } = host;
        public IPAddress? Address { get; } = address;
        public RemoteEndpoint? Last;
    }

    /// <summary>
    /// The hosts seen lately, with their addresses parsed once: a host that knocks a thousand times is one string and one
    /// <see cref="IPAddress"/>, not a thousand of each. IPv6 addresses are not shared, because
    /// <see cref="IPAddress.ScopeId"/> can be set.
    /// </summary>
    private sealed class RemoteHosts : TextCache<KnownHost>
    {
        public static RemoteHosts Shared { get; } = new();

        protected override string KeyOf(KnownHost value) => value.Written;

        protected override KnownHost Create(ReadOnlySpan<char> host)
        {
            var written = new string(host);
            var address = IPAddressParser.DottedQuad(host) ?? (IPAddress.TryParse(host, out var parsed) && LooksLikeAddress(host) ? parsed : null);
            // sshd on a dual-stack socket writes an IPv4 client as ::ffff:192.0.2.1: it is the same host as 192.0.2.1,
            // and every analysis that keys on the host must see one.
            if (address is { IsIPv4MappedToIPv6: true })
            {
                address = address.MapToIPv4();
                return new(written, address.ToString(), address);
            }
            return new(written, written, address);
        }

        protected override bool Keeps(KnownHost value) =>
            value.Address is not { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 };
    }

    // IPAddress.TryParse accepts "1234" and "0x7f.1" as IPv4; a host written that way is a name, not an address.
    private static bool LooksLikeAddress(ReadOnlySpan<char> host) =>
        host.Contains(':') || (host.Count('.') == 3 && !host.ContainsAnyExcept(DigitsAndDots));

    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");
}
