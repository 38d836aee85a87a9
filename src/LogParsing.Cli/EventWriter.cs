using System.Buffers;
using System.Text;
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
        if (evt.Remote is { } remote)
        {
            line.Append(" from=").Append(Safe.Text(remote.Host)).Append(remote.Port is { } p ? $":{p}" : "");
            // Where it is, when --geoip/--asn were given and know the address: "[SE AS29518]".
            if (GeoOptions.Tag(geo?.Lookup(e)) is { } where) line.Append(' ').Append(where);
        }
        line.Append(" | ").Append(Safe.Text(e.Message));
        console.RawOut.WriteLine(line.ToString());
    }

    private void WriteJson(AuthLogEntry e, bool ecs)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, JsonLines.WriterOptions))
        {
            if (ecs) EcsWriter.WriteDocument(writer, e, _ecs, geo?.Lookup(e));
            else AuthLogJson.WriteEntry(writer, e, parser, geo?.Lookup(e));
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

    /// <summary><c>--original</c>: keep each line as read, for <c>event.original</c> (ecs, es-bulk) and <c>original</c> (ndjson).</summary>
    public static System.CommandLine.Option<bool> OriginalOption() => new("--original")
    {
        Description = "Keep each line as it was read: event.original in ecs and es-bulk (Elastic's \"preserve original event\"), original in ndjson.",
    };

    /// <summary><c>--join-continuations</c>: indented lines without a header join the entry before them, as Elastic's input does.</summary>
    public static System.CommandLine.Option<bool> JoinOption() => new("--join-continuations")
    {
        Description = "Join an indented line that has no syslog header to the entry before it (a multi-line message), as Elastic's system.auth input does; default: every line is one entry.",
    };

    /// <summary>Applies <c>--original</c> and <c>--join-continuations</c> to the reader's options; <c>--original</c> has no place in text output.</summary>
    public static AuthLogReaderOptions Apply(AuthLogReaderOptions options, string format, bool original, bool join)
    {
        if (original && format == "text")
            throw new CliUsageException("--original needs --format ndjson, ecs or es-bulk: text output shows the message, not the raw line.");
        return options with { KeepOriginal = original, JoinContinuationLines = join };
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
