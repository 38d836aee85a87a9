using System.Text.Json.Serialization;

namespace LogParsing.Json;

/// <summary>
/// The JSON metadata of the events every log has, and of the abstract bases (written by their runtime type through
/// <see cref="RuntimeTypeJsonConverter{TBase}"/>); the families' own events are in their folders' contexts.
/// </summary>
[JsonSerializable(typeof(AuthEvent))]
[JsonSerializable(typeof(Fail2BanEvent))]
[JsonSerializable(typeof(MalformedLine))]
[JsonSerializable(typeof(UnrecognizedEvent))]
[JsonSerializable(typeof(RemoteEndpoint))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
