using System.Net;
using System.Text.Json.Serialization;

namespace LogParsing;

/// <summary>The remote side of a connection as the log wrote it.</summary>
/// <param name="Host">The host exactly as written: an address, or a name when sshd's <c>UseDNS</c> resolved it.</param>
/// <param name="Address">The parsed address, or null when <paramref name="Host"/> is a name.</param>
/// <param name="Port">The remote port, or null when the line has none.</param>
public sealed record RemoteEndpoint(string Host, [property: JsonConverter(typeof(IPAddressJsonConverter))] IPAddress? Address, int? Port)
{
    /// <inheritdoc />
    public override string ToString() => Port is { } port ? $"{Host} port {port}" : Host;
}
