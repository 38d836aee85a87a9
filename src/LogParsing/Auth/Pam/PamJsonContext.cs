using System.Text.Json.Serialization;

namespace LogParsing.Auth.Pam;

/// <summary>The JSON metadata of the PAM family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(PamSessionOpened))]
[JsonSerializable(typeof(PamAccountLocked))]
[JsonSerializable(typeof(PamAccessDenied))]
[JsonSerializable(typeof(PamBadUsername))]
[JsonSerializable(typeof(PamSystemdSessionError))]
[JsonSerializable(typeof(PamEnvFileError))]
[JsonSerializable(typeof(PamPasswordChangedInFuture))]
[JsonSerializable(typeof(PamSessionClosed))]
[JsonSerializable(typeof(PamAuthenticationFailure))]
[JsonSerializable(typeof(PamAuthenticationSuccess))]
[JsonSerializable(typeof(PamUserUnknown))]
[JsonSerializable(typeof(PamPasswordChanged))]
[JsonSerializable(typeof(PamRequirementNotMet))]
[JsonSerializable(typeof(PamMoreFailures))]
[JsonSerializable(typeof(PamIgnoringMaxRetries))]
[JsonSerializable(typeof(PamPasswordCheckFailed))]
[JsonSerializable(typeof(PamAccountExpired))]
[JsonSerializable(typeof(PamPasswordExpired))]
[JsonSerializable(typeof(PamPasswordExpiring))]
internal sealed partial class PamJsonContext : JsonSerializerContext;
