using System.Text.Json.Serialization;

namespace LogParsing.Auth.Logind;

/// <summary>The JSON metadata of the systemd-logind family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(LogindNewSession))]
[JsonSerializable(typeof(LogindSessionLoggedOut))]
[JsonSerializable(typeof(LogindSessionRemoved))]
[JsonSerializable(typeof(LogindNewSeat))]
[JsonSerializable(typeof(LogindWatchingButtons))]
[JsonSerializable(typeof(LogindKeyPressed))]
[JsonSerializable(typeof(LogindLidClosed))]
[JsonSerializable(typeof(LogindLidOpened))]
[JsonSerializable(typeof(LogindShutdown))]
[JsonSerializable(typeof(LogindOperationFinished))]
[JsonSerializable(typeof(LogindSuspending))]
internal sealed partial class LogindJsonContext : JsonSerializerContext;
