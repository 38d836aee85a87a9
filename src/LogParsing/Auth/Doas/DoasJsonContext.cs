using System.Text.Json.Serialization;

namespace LogParsing.Auth.Doas;

/// <summary>The JSON metadata of the doas family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(DoasAuthenticationFailed))]
[JsonSerializable(typeof(DoasCommandRefused))]
[JsonSerializable(typeof(DoasTtyRequired))]
[JsonSerializable(typeof(DoasCommand))]
internal sealed partial class DoasJsonContext : JsonSerializerContext;
