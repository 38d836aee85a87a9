using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogParsing;

/// <summary>
/// An address in JSON is its text (<c>"192.0.2.1"</c>, <c>"2001:db8::1"</c>), as every log and SIEM writes it. Named on the
/// library's address properties, so your own <c>JsonSerializerContext</c> over events writes them the same way.
/// </summary>
public sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    /// <inheritdoc />
    public override IPAddress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPAddress.TryParse(reader.GetString(), out var address) ? address : throw new JsonException("not an IP address");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var written)) writer.WriteStringValue(text[..written]);
        else writer.WriteStringValue(value.ToString());
    }
}
