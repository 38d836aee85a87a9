using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogParsing.Cli;

/// <summary>Writes entries as text lines (coloured on terminals), NDJSON (our field model) or ECS (Elastic Common Schema, as Filebeat's system module).</summary>
internal sealed class EventWriter(CliConsole console, string format)
{
    private static readonly JsonSerializerOptions EventJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new IPAddressConverter() },
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public void Write(AuthLogEntry e)
    {
        switch (format)
        {
            case "ndjson": WriteJson(e, Ndjson); break;
            case "ecs": WriteJson(e, Ecs); break;
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

    private void WriteJson(AuthLogEntry e, Action<Utf8JsonWriter, AuthLogEntry> body)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
            body(writer, e);
        console.RawOut.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    private static void Ndjson(Utf8JsonWriter w, AuthLogEntry e)
    {
        w.WriteStartObject();
        if (e.Event is not MalformedLine)
        {
            w.WriteString("timestamp", e.Timestamp);
            w.WriteBoolean("year_inferred", e.YearWasInferred);
        }
        if (e.Host is not null) w.WriteString("host", e.Host);
        w.WriteString("program", e.Program);
        if (e.ProcessId is { } pid) w.WriteNumber("pid", pid);
        w.WriteString("type", e.Event.GetType().Name);
        w.WriteString("outcome", OutcomeName(e.Event.Outcome));
        if (e.Event.User is { } user) w.WriteString("user", user);
        if (e.Event.Remote is { } remote) WriteRemote(w, "remote", remote);
        w.WritePropertyName("event");
        JsonSerializer.Serialize(w, e.Event, e.Event.GetType(), EventJson);
        w.WriteString("message", e.Message);
        if (e.Position.Source is { } source) w.WriteString("source", source);
        w.WriteNumber("line", e.Position.Line);
        w.WriteEndObject();
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

    private static void WriteRemote(Utf8JsonWriter w, string name, RemoteEndpoint remote)
    {
        w.WriteStartObject(name);
        w.WriteString("host", remote.Host);
        if (remote.Address is { } address) w.WriteString("address", address.ToString());
        if (remote.Port is { } port) w.WriteNumber("port", port);
        w.WriteEndObject();
    }

    private static string OutcomeName(AuthOutcome outcome) => outcome switch
    {
        AuthOutcome.Failure => "failure",
        AuthOutcome.Success => "success",
        _ => "none",
    };

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

    private sealed class IPAddressConverter : JsonConverter<IPAddress>
    {
        public override IPAddress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IPAddress.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
