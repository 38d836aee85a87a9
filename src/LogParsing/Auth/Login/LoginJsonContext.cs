using System.Text.Json.Serialization;

namespace LogParsing.Auth.Login;

/// <summary>The JSON metadata of the login family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(LoginFailed))]
[JsonSerializable(typeof(LoginTooManyTries))]
[JsonSerializable(typeof(LoginAccepted))]
[JsonSerializable(typeof(LoginDialup))]
[JsonSerializable(typeof(LoginRefused))]
internal sealed partial class LoginJsonContext : JsonSerializerContext;
