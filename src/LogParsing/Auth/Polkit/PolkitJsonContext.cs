using System.Text.Json.Serialization;

namespace LogParsing.Auth.Polkit;

/// <summary>The JSON metadata of the polkit family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(PolkitAuthenticated))]
[JsonSerializable(typeof(PolkitAuthenticationFailed))]
[JsonSerializable(typeof(PolkitAgentRegistered))]
[JsonSerializable(typeof(PolkitAgentUnregistered))]
[JsonSerializable(typeof(PolkitPkexecCommand))]
[JsonSerializable(typeof(PolkitPkexecRefused))]
[JsonSerializable(typeof(PolkitStarted))]
[JsonSerializable(typeof(PolkitBusNameAcquired))]
[JsonSerializable(typeof(PolkitRulesLoading))]
[JsonSerializable(typeof(PolkitRulesLoaded))]
[JsonSerializable(typeof(PolkitScriptError))]
internal sealed partial class PolkitJsonContext : JsonSerializerContext;
