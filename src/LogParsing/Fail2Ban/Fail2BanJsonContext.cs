using System.Text.Json.Serialization;

namespace LogParsing.Fail2Ban;

/// <summary>The JSON metadata of fail2ban's events, and of the auth event that carries a record, source-generated.</summary>
[JsonSerializable(typeof(Fail2BanBan))]
[JsonSerializable(typeof(Fail2BanRestoreBan))]
[JsonSerializable(typeof(Fail2BanUnban))]
[JsonSerializable(typeof(Fail2BanIncreaseBan))]
[JsonSerializable(typeof(Fail2BanAlreadyBanned))]
[JsonSerializable(typeof(Fail2BanFound))]
[JsonSerializable(typeof(Fail2BanIgnore))]
[JsonSerializable(typeof(Fail2BanJailStarted))]
[JsonSerializable(typeof(Fail2BanJailStopped))]
[JsonSerializable(typeof(Fail2BanLogFileAdded))]
[JsonSerializable(typeof(Fail2BanStarting))]
[JsonSerializable(typeof(Fail2BanExiting))]
[JsonSerializable(typeof(Fail2BanDatabaseConnected))]
[JsonSerializable(typeof(UnrecognizedFail2BanEvent))]
[JsonSerializable(typeof(MalformedFail2BanLine))]
[JsonSerializable(typeof(Fail2BanLogged))]
internal sealed partial class Fail2BanJsonContext : JsonSerializerContext;
