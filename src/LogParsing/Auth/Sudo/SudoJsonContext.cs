using System.Text.Json.Serialization;

namespace LogParsing.Auth.Sudo;

/// <summary>The JSON metadata of the sudo family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(SudoCommand))]
[JsonSerializable(typeof(SudoCommandContinued))]
internal sealed partial class SudoJsonContext : JsonSerializerContext;
