using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LogParsing.Json;

namespace LogParsing.Testing;

/// <summary>
/// Renders what a grammar made of a log as stable, readable text for snapshot tests: per line its file name and line
/// number, the raw line, then the value as indented JSON (or the parse error), so that
/// <c>Snapshot.Match(LogSnapshot.Render(records))</c> pins a grammar line by line and a diff shows which line changed.
/// </summary>
/// <remarks>
/// The JSON is the library's own (<see cref="AuthLogJson"/>): indented by two spaces with <c>\n</c> line ends, snake-case
/// names, nulls omitted, enums and addresses as text, and a <c>"$type"</c> naming the runtime type of each event and of
/// the value itself. Events are written with their source-generated metadata; a type without metadata (your own value
/// type, an event added without its context) is written by reflection, which is why the methods that may meet one say so:
/// this is a test-time package. Only the file name of a source is written, so a snapshot does not depend on where the
/// files were.
/// </remarks>
/// <example>
/// <code>
/// [Fact]
/// public async Task App_log_parses_to_the_snapshot()
/// {
///     var records = LogReader.ReadAsync("Fixtures/app.log", AppLogGrammar.Line);
///     Snapshot.Match(await LogSnapshot.RenderAsync(records));
/// }
/// // app.log:1 | 2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4
/// //   {
/// //     "$type": "AppLogEvent",
/// //     "level": "warn",
/// //     ...
/// // app.log:2 | 2024-05-31 07:07:2 [WARN] ...
/// //   error: line 2, column 1: expected date and time, found "2"
/// </code>
/// </example>
public static class LogSnapshot
{
    private const string ReflectionNote = "Writes values of types without JSON metadata by System.Text.Json reflection; a test-time tool.";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders records read with <see cref="LogReader"/>: one block per line, the value as JSON or the error.</summary>
    /// <typeparam name="T">What the grammar made of each line.</typeparam>
    /// <param name="records">The records, in order.</param>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    public static string Render<T>(IEnumerable<LogRecord<T>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        var options = WithReflection(null);
        foreach (var record in records) Append(text, record, options);
        return text.ToString();
    }

    /// <summary>Renders records as <see cref="Render{T}(IEnumerable{LogRecord{T}})"/> does, reading them to the end.</summary>
    /// <typeparam name="T">What the grammar made of each line.</typeparam>
    /// <param name="records">The records, in order (a <see cref="LogReader"/> read).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    public static async ValueTask<string> RenderAsync<T>(IAsyncEnumerable<LogRecord<T>> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        var options = WithReflection(null);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false)) Append(text, record, options);
        return text.ToString();
    }

    /// <summary>
    /// Renders auth log entries (for a program grammar added with <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent}, IJsonTypeInfoResolver)"/>):
    /// per entry its position and envelope (<c>auth.log:3 | 2024-05-31T07:07:22.0000000+00:00 vpn openvpn[1234]: message</c>,
    /// a <c>?</c> after an inferred year), then its event as <see cref="AuthLogJson"/> writes it.
    /// </summary>
    /// <param name="entries">The entries, in order.</param>
    /// <param name="parser">The grammars that read them, for their events' metadata; null for <see cref="AuthLogParser.Default"/>.</param>
    public static string Render(IEnumerable<AuthLogEntry> entries, AuthLogParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        var options = AuthLogJson.SerializerOptions(parser);
        foreach (var entry in entries) Append(text, entry, options);
        return text.ToString();
    }

    /// <summary>Renders auth log entries as <see cref="Render(IEnumerable{AuthLogEntry}, AuthLogParser?)"/> does, reading them to the end.</summary>
    /// <param name="entries">The entries, in order (an <see cref="AuthLogReader"/> read).</param>
    /// <param name="parser">The grammars that read them, for their events' metadata; null for <see cref="AuthLogParser.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async ValueTask<string> RenderAsync(IAsyncEnumerable<AuthLogEntry> entries, AuthLogParser? parser = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        var options = AuthLogJson.SerializerOptions(parser);
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false)) Append(text, entry, options);
        return text.ToString();
    }

    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static void Append<T>(StringBuilder text, LogRecord<T> record, JsonSerializerOptions options)
    {
        AppendPosition(text, record.Position).Append(" | ");
        AppendEscaped(text, record.Text).Append('\n');
        if (record.Error is { } error)
        {
            text.Append("  error: ").Append(error.Message).Append('\n');
            return;
        }
        AppendJson(text, writer =>
        {
            if (record.Value is null)
            {
                writer.WriteNullValue();
                return;
            }
            // The value is named by its own type, as events are.
            var element = JsonSerializer.SerializeToElement(record.Value, record.Value.GetType(), options);
            if (element.ValueKind != JsonValueKind.Object)
            {
                element.WriteTo(writer);
                return;
            }
            writer.WriteStartObject();
            writer.WriteString("$type", TypeName(record.Value.GetType()));
            foreach (var property in element.EnumerateObject()) property.WriteTo(writer);
            writer.WriteEndObject();
        });
    }

    private static void Append(StringBuilder text, AuthLogEntry entry, JsonSerializerOptions options)
    {
        AppendPosition(text, entry.Position);
        // A line that stands for its event N times (a syslog repeat summary) says so: counting is part of the reading.
        if (entry.RepeatCount != 1) text.Append(" x").Append(entry.RepeatCount.ToString(CultureInfo.InvariantCulture));
        text.Append(" | ");
        if (entry.Event is not MalformedLine)
        {
            text.Append(entry.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture))
                .Append(entry.YearWasInferred ? "? " : " ")
                .Append(entry.Host ?? "-").Append(' ').Append(entry.Program);
            if (entry.ProcessId is { } pid) text.Append('[').Append(pid.ToString(CultureInfo.InvariantCulture)).Append(']');
            text.Append(": ");
        }
        AppendEscaped(text, entry.Message).Append('\n');
        AppendJson(text, writer => JsonSerializer.Serialize(writer, entry.Event, (JsonTypeInfo<AuthEvent>)options.GetTypeInfo(typeof(AuthEvent))));
    }

    private static StringBuilder AppendPosition(StringBuilder text, LogPosition position) =>
        text.Append(position.Source is null ? "<stream>" : Path.GetFileName(position.Source))
            .Append(':').Append(position.Line.ToString(CultureInfo.InvariantCulture));

    // Control characters (NUL, ESC...) would make a snapshot unreadable and its diff misleading: written as \uXXXX.
    private static StringBuilder AppendEscaped(StringBuilder text, string line)
    {
        foreach (var c in line)
        {
            if (char.IsControl(c) && c != '\t') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(c);
        }
        return text;
    }

    private static void AppendJson(StringBuilder text, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
            write(writer);
        foreach (var line in Encoding.UTF8.GetString(buffer.ToArray()).Split('\n'))
            text.Append("  ").Append(line).Append('\n');
    }

    /// <summary>The library's options, with reflection behind its metadata for types that have none, and enums of any type as snake-case names.</summary>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static JsonSerializerOptions WithReflection(AuthLogParser? parser)
    {
        var options = new JsonSerializerOptions(AuthLogJson.CreateSerializerOptions(
            JsonTypeInfoResolver.Combine((parser ?? AuthLogParser.Default).EventJson, new DefaultJsonTypeInfoResolver())));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.IncludeFields = true;
        options.MakeReadOnly();
        return options;
    }

    private static string TypeName(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var arguments = type.GetGenericArguments();
        var text = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
        for (var i = 0; i < arguments.Length; i++) text.Append(i == 0 ? "" : ", ").Append(TypeName(arguments[i]));
        return text.Append('>').ToString();
    }
}
