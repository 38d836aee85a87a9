using System.Buffers;
using System.Text;
using System.Text.Json;
using LogParsing.Json;

namespace LogParsing.Tests;

/// <summary>Renders entries as stable, readable text for snapshots: one block per entry, the event as the library's own JSON.</summary>
internal static class Render
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Entries(IEnumerable<AuthLogEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries) sb.AppendLine(Entry(e));
        return sb.ToString();
    }

    public static string Entry(AuthLogEntry e) =>
        $"{e.Position.Line,3} {e.Timestamp:yyyy-MM-ddTHH:mm:ss.ffffffzzz}{(e.YearWasInferred ? "?" : "")} host={e.Host ?? "-"} {e.Program}[{e.ProcessId?.ToString() ?? "-"}]\n" +
        $"    {Event(e.Event)}";

    public static string Event(AuthEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
            AuthLogJson.WriteEvent(writer, e);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
