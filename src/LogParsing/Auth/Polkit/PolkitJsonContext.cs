using System.Text.Json.Serialization;

namespace LogParsing.Auth.Polkit;

/// <summary>The JSON metadata of the polkit family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(PolkitAuthenticated))]
[JsonSerializable(typeof(PolkitAuthenticationFailed))]
[JsonSerializable(typeof(PolkitAgentRegistered))]
[JsonSerializable(typeof(PolkitAgentUnregistered))]
internal sealed partial class PolkitJsonContext : JsonSerializerContext;
