using System.Text.Json.Serialization;

namespace LogParsing.Auth.Su;

/// <summary>The JSON metadata of the su family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(SuSession))]
[JsonSerializable(typeof(SuFailed))]
[JsonSerializable(typeof(SuPamError))]
internal sealed partial class SuJsonContext : JsonSerializerContext;
