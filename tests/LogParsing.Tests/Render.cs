using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogParsing.Tests;

/// <summary>Renders entries as stable, readable text for snapshots: one block per entry, the event as JSON of its runtime type.</summary>
internal static class Render
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new IPAddressConverter() },
    };

    public static string Entries(IEnumerable<AuthLogEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries) sb.AppendLine(Entry(e));
        return sb.ToString();
    }

    public static string Entry(AuthLogEntry e) =>
        $"{e.Position.Line,3} {e.Timestamp:yyyy-MM-ddTHH:mm:ss.ffffffzzz}{(e.YearWasInferred ? "?" : "")} host={e.Host ?? "-"} {e.Program}[{e.ProcessId?.ToString() ?? "-"}]\n" +
        $"    {e.Event.GetType().Name} {Event(e.Event)}";

    public static string Event(AuthEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    private sealed class IPAddressConverter : JsonConverter<IPAddress>
    {
        public override IPAddress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            IPAddress.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
