using System.Text.Json.Serialization;

namespace Tutorial;

/// <summary>
/// The JSON metadata of the OpenVPN events, source-generated: handed to <c>WithProgram</c>, it lets <c>AuthLogJson</c>,
/// <c>authlog --format ndjson</c> and <c>LogSnapshot</c> write their fields without reflection.
/// </summary>
[JsonSerializable(typeof(OpenVpnAuthFailed))]
[JsonSerializable(typeof(OpenVpnTlsError))]
[JsonSerializable(typeof(OpenVpnUserAuthenticated))]
[JsonSerializable(typeof(OpenVpnPeerConnected))]
[JsonSerializable(typeof(OpenVpnClientInstanceEnded))]
public sealed partial class OpenVpnJson : JsonSerializerContext;
