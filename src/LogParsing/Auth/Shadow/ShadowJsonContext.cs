using System.Text.Json.Serialization;

namespace LogParsing.Auth.Shadow;

/// <summary>The JSON metadata of the shadow-utils family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(ShadowUserAdded))]
[JsonSerializable(typeof(ShadowGroupAdded))]
[JsonSerializable(typeof(ShadowUserAddedToGroup))]
[JsonSerializable(typeof(ShadowUserRemovedFromGroup))]
[JsonSerializable(typeof(ShadowUserDeleted))]
[JsonSerializable(typeof(ShadowGroupDeleted))]
[JsonSerializable(typeof(ShadowPasswordChanged))]
[JsonSerializable(typeof(ShadowUserModified))]
[JsonSerializable(typeof(ShadowUserAddFailed))]
internal sealed partial class ShadowJsonContext : JsonSerializerContext;
