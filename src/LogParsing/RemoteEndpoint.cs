using System.Net;
using System.Text.Json.Serialization;

namespace LogParsing;

/// <summary>The remote side of a connection as the log wrote it.</summary>
/// <param name="Host">The host as written (an address, or a name when sshd's <c>UseDNS</c> resolved it), except that an IPv4-mapped IPv6 address is written as its IPv4 address.</param>
/// <param name="Address">The parsed address, or null when <paramref name="Host"/> is a name.</param>
/// <param name="Port">The remote port, or null when the line has none.</param>
/// <remarks>
/// An IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>, what sshd writes for an IPv4 client on a dual-stack socket) is
/// read as the IPv4 address it maps: <see cref="Host"/> is <c>192.0.2.1</c> and <see cref="Address"/> an IPv4 address, so
/// that every analysis sees one host whichever way it was written. The entry's message keeps the text as written.
/// </remarks>
public sealed record RemoteEndpoint(string Host, [property: JsonConverter(typeof(IPAddressJsonConverter))] IPAddress? Address, int? Port)
{
    /// <inheritdoc />
    public override string ToString() => Port is { } port ? $"{Host} port {port}" : Host;
}
