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
