using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogParsing.Json;

namespace LogParsing.Cli;

/// <summary>Writes entries as text lines (coloured on terminals), NDJSON (our field model) or ECS (Elastic Common Schema, as Filebeat's system module).</summary>
internal sealed class EventWriter(CliConsole console, string format, AuthLogParser parser)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public void Write(AuthLogEntry e)
    {
        switch (format)
        {
            case "ndjson": WriteJson(e, ecs: false); break;
            case "ecs": WriteJson(e, ecs: true); break;
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
            if (ecs) Ecs(writer, e);
            else AuthLogJson.WriteEntry(writer, e, parser);
        }
        console.RawOut.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    // Field names of the Elastic Common Schema, as Filebeat's system/auth module writes them.
    private static void Ecs(Utf8JsonWriter w, AuthLogEntry e)
    {
        var evt = e.Event;
        w.WriteStartObject();
        if (evt is not MalformedLine) w.WriteString("@timestamp", e.Timestamp);
        w.WriteString("message", e.Message);
        w.WriteStartObject("event");
        w.WriteString("kind", "event");
        w.WriteString("module", "system");
        w.WriteString("dataset", "system.auth");
        w.WriteString("action", Kebab(evt.GetType().Name));
        w.WriteString("outcome", evt.Outcome switch { AuthOutcome.Failure => "failure", AuthOutcome.Success => "success", _ => "unknown" });
        if (evt.Outcome != AuthOutcome.None)
        {
            w.WriteStartArray("category");
            w.WriteStringValue("authentication");
            w.WriteEndArray();
        }
        w.WriteEndObject();
        if (evt.Remote is { } remote)
        {
            w.WriteStartObject("source");
            if (remote.Address is { } address) w.WriteString("ip", address.ToString());
            else w.WriteString("domain", remote.Host);
            w.WriteString("address", remote.Host);
            if (remote.Port is { } port) w.WriteNumber("port", port);
            w.WriteEndObject();
        }
        if (evt.User is { } user)
        {
            w.WriteStartObject("user");
            w.WriteString("name", user);
            w.WriteEndObject();
        }
        w.WriteStartObject("process");
        w.WriteString("name", e.Program);
        if (e.ProcessId is { } pid) w.WriteNumber("pid", pid);
        w.WriteEndObject();
        if (e.Host is not null)
        {
            w.WriteStartObject("host");
            w.WriteString("hostname", e.Host);
            w.WriteEndObject();
        }
        if (e.Position.Source is { } source)
        {
            w.WriteStartObject("log");
            w.WriteStartObject("file");
            w.WriteString("path", source);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (evt.Remote?.Address is not null || evt.User is not null)
        {
            w.WriteStartObject("related");
            if (evt.Remote?.Address is { } ip)
            {
                w.WriteStartArray("ip");
                w.WriteStringValue(ip.ToString());
                w.WriteEndArray();
            }
            if (evt.User is { } u)
            {
                w.WriteStartArray("user");
                w.WriteStringValue(u);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary><c>SshdInvalidUser</c> → <c>sshd-invalid-user</c>.</summary>
    internal static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
