using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogParsing.Analysis.Geo;
using LogParsing.Elastic;
using LogParsing.Json;

namespace LogParsing.Cli;

/// <summary>
/// Writes entries as text lines (coloured on terminals), NDJSON (our field model), ECS (Elastic's system.auth documents,
/// the library's <see cref="EcsWriter"/>) or Elasticsearch bulk requests (es-bulk).
/// </summary>
internal sealed class EventWriter(CliConsole console, string format, AuthLogParser parser, EcsOptions? ecs = null, GeoDatabases? geo = null)
{
    /// <summary>The formats of <c>--format</c>.</summary>
    public static readonly string[] Formats = ["text", "ndjson", "ecs", "es-bulk"];

    private readonly EcsOptions _ecs = (ecs ?? EcsOptions.Default) with { Parser = parser };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public void Write(AuthLogEntry e)
    {
        switch (format)
        {
            case "ndjson": WriteJson(e, ecs: false); break;
            case "ecs": WriteJson(e, ecs: true); break;
            case "es-bulk": WriteBulk(e); break;
            default: WriteText(e); break;
        }
    }

    // One line per entry, never wrapped (a pipe into grep must see whole lines); colour only on a terminal without NO_COLOR.
    private void WriteText(AuthLogEntry e)
    {
        var evt = e.Event;
        var (label, colour) = evt.Outcome switch
        {
            AuthOutcome.Failure => ("FAIL", "\u001b[31m"),
            AuthOutcome.Success => ("OK  ", "\u001b[32m"),
            _ => ("    ", "\u001b[90m"),
        };
        var line = new StringBuilder(160);
        if (console.Colour) line.Append(colour).Append(label).Append("\u001b[0m");
        else line.Append(label);
        line.Append(' ').Append(e.Event is MalformedLine ? "-------------------" : e.Timestamp.ToString("yyyy-MM-dd HH:mm:ss"));
        line.Append(' ').Append(Safe.Text(e.Host ?? "-")).Append(' ').Append(Safe.Text(e.Program)).Append('[').Append(e.ProcessId?.ToString() ?? "-").Append("] ");
        if (console.Colour) line.Append("\u001b[1m").Append(evt.GetType().Name).Append("\u001b[0m");
        else line.Append(evt.GetType().Name);
        if (evt.User is { } user) line.Append(" user=").Append(user.Length == 0 ? "\"\"" : Safe.Text(user));
        if (evt.Remote is { } remote) line.Append(" from=").Append(Safe.Text(remote.Host)).Append(remote.Port is { } p ? $":{p}" : "");
        line.Append(" | ").Append(Safe.Text(e.Message));
        console.RawOut.WriteLine(line.ToString());
    }

    private void WriteJson(AuthLogEntry e, bool ecs)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
        {
            if (ecs) EcsWriter.WriteDocument(writer, e, _ecs, geo?.Lookup(e));
            else AuthLogJson.WriteEntry(writer, e, parser);
        }
        console.RawOut.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    // Two lines per entry, the action and the document, each ending in a newline: the body _bulk reads.
    private void WriteBulk(AuthLogEntry e)
    {
        _buffer.ResetWrittenCount();
        EcsWriter.WriteBulkItem(_buffer, e, _ecs, geo?.Lookup(e));
        console.RawOut.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <summary><c>--namespace</c>: the data stream's namespace for ecs and es-bulk.</summary>
    public static System.CommandLine.Option<string> NamespaceOption()
    {
        var option = new System.CommandLine.Option<string>("--namespace")
        {
            Description = "The data stream namespace of ecs and es-bulk output: index logs-system.auth-NAMESPACE and data_stream.namespace (default: default).",
            DefaultValueFactory = _ => "default",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!EcsOptions.IsValidNamespace(value))
                result.AddError($"'{value}' is not a data stream namespace: lowercase, at most 100 bytes, none of - \\ / * ? \" < > | , # : or spaces.");
        });
        return option;
    }
}
