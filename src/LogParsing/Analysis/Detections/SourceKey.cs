using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using LogParsing.Grammar;

namespace LogParsing.Analysis.Detections;

/// <summary>
/// A source as the detector keys it: an address by its bytes, anything else (a host name, an address with a scope, a
/// fail2ban target's rule key) by its text.
/// </summary>
/// <remarks>
/// The source table holds tens of thousands of keys for hours of log. Keyed by the host string, each new source's string
/// was referenced from the table's old states, so the collector copied it through its generations and traced it at every
/// young collection until the source left; an address key holds no reference, and hashes without reading a string.
/// Two spellings of one address (<c>010.0.0.1</c> and <c>8.0.0.1</c>, as <see cref="IPAddress"/> reads them) are one source.
/// </remarks>
internal readonly struct SourceKey : IEquatable<SourceKey>
{
    private readonly ulong _high;
    private readonly ulong _low;
    // 4 or 6 for an address, 0 for a text.
    private readonly byte _family;
    private readonly string? _text;

    private SourceKey(byte family, ulong high, ulong low, string? text) => (_family, _high, _low, _text) = (family, high, low, text);

    /// <summary>The key of a remote host: its address when it has one without a scope, else its text.</summary>
    public static SourceKey Of(RemoteEndpoint remote)
    {
        if (RemoteEndpointParser.V4(remote, out var octets)) return new SourceKey(4, 0, octets, null);
        if (remote.Address is { AddressFamily: AddressFamily.InterNetworkV6, ScopeId: 0 } v6)
        {
            Span<byte> bytes = stackalloc byte[16];
            if (v6.TryWriteBytes(bytes, out _))
                return new SourceKey(6, BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), null);
        }
        return Text(remote.Host);
    }

    /// <summary>A key made of text.</summary>
    public static SourceKey Text(string text) => new(0, 0, 0, text);

    public bool Equals(SourceKey other) =>
        _family == other._family && _low == other._low && _high == other._high && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SourceKey other && Equals(other);

    public override int GetHashCode() =>
        _family == 0 ? string.GetHashCode(_text, StringComparison.Ordinal) : HashCode.Combine(_low, _high, _family);
}
