using System.Text.Json.Serialization;

namespace LogParsing.Auth.Dropbear;

/// <summary>The JSON metadata of the Dropbear family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(DropbearBadPassword))]
[JsonSerializable(typeof(DropbearNonexistentUser))]
[JsonSerializable(typeof(DropbearAuthSucceeded))]
[JsonSerializable(typeof(DropbearMaxAuthTries))]
[JsonSerializable(typeof(DropbearExitBeforeAuth))]
[JsonSerializable(typeof(DropbearExit))]
[JsonSerializable(typeof(DropbearChildConnection))]
[JsonSerializable(typeof(DropbearAccountLocked))]
[JsonSerializable(typeof(DropbearUnknownKeyAlgorithm))]
internal sealed partial class DropbearJsonContext : JsonSerializerContext;
