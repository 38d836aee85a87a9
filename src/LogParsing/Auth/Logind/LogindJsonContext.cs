using System.Text.Json.Serialization;

namespace LogParsing.Auth.Logind;

/// <summary>The JSON metadata of the systemd-logind family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(LogindNewSession))]
[JsonSerializable(typeof(LogindSessionLoggedOut))]
[JsonSerializable(typeof(LogindSessionRemoved))]
internal sealed partial class LogindJsonContext : JsonSerializerContext;
