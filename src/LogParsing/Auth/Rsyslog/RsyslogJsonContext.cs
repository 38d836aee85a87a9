using System.Text.Json.Serialization;

namespace LogParsing.Auth.Rsyslog;

/// <summary>The JSON metadata of the rsyslog family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(RepeatedMessage))]
[JsonSerializable(typeof(SyslogMark))]
[JsonSerializable(typeof(SyslogDaemonEvent))]
internal sealed partial class RsyslogJsonContext : JsonSerializerContext;
