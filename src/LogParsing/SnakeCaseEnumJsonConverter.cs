using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogParsing;

/// <summary>
/// An enum in JSON is its name in snake case (<c>"failure"</c>, <c>"preauth"</c>, <c>"user_state"</c>'s <c>"invalid"</c>),
/// like the property names around it. Named on the library's enums themselves, so every rendering (source-generated or
/// not, the library's or your own context's) agrees.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class SnakeCaseEnumJsonConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
