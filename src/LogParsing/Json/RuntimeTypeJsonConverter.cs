using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LogParsing.Json;

/// <summary>
/// Writes a value declared as an abstract base (an <see cref="AuthEvent"/>, a <see cref="Fail2BanEvent"/>) as its runtime
/// type, from whatever metadata the options' resolver has for that type (the families' source-generated contexts, or a
/// user's): the base knows no family. <see cref="WithTypeNames"/> makes each such type's metadata start with a
/// <c>"$type"</c> naming it.
/// </summary>
/// <typeparam name="TBase">The declared base.</typeparam>
internal sealed class RuntimeTypeJsonConverter<TBase> : JsonConverter<TBase> where TBase : class
{
    /// <summary>The name of the property that names the runtime type, as System.Text.Json's own polymorphism writes it.</summary>
    public const string TypeProperty = "$type";

    public override TBase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(TBase).Name} is written as JSON, not read.");

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        if (options.TypeInfoResolver?.GetTypeInfo(type, options) is { } info)
        {
            JsonSerializer.Serialize(writer, value, info);
            return;
        }
        // A type nobody gave metadata for (a custom event added without its context) is written by name alone.
        writer.WriteStartObject();
        writer.WriteString(TypeProperty, type.Name);
        writer.WriteEndObject();
    }

    /// <summary>The metadata of <paramref name="resolver"/>, where every concrete <typeparamref name="TBase"/> starts with <c>"$type"</c>.</summary>
    public static IJsonTypeInfoResolver WithTypeNames(IJsonTypeInfoResolver resolver) =>
        resolver.WithAddedModifier(static info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object || info.Type.IsAbstract || !typeof(TBase).IsAssignableFrom(info.Type)) return;
            var name = info.Type.Name;
            info.Properties.Insert(0, JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<string>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = info.Type,
                PropertyName = TypeProperty,
                JsonPropertyName = TypeProperty,
                Getter = _ => name,
            }));
        });
}
