using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogParsing.Testing;

/// <summary>
/// Renders what a grammar made of a log as stable, readable text for snapshot tests: per line its file name and line
/// number, the raw line, then the value as indented JSON (or the parse error), so that
/// <c>Snapshot.Match(LogSnapshot.Render(records))</c> pins a grammar line by line and a diff shows which line changed.
/// </summary>
/// <remarks>
/// The JSON is System.Text.Json with fixed options: indented by two spaces with <c>\n</c> line ends, nulls omitted,
/// enums and <see cref="IPAddress"/> as strings, relaxed escaping, public fields included (tuples), and a <c>"$type"</c>
/// naming the runtime type of every object declared abstract (an <see cref="AuthEvent"/>) and of the value itself.
/// Only the file name of a source is written, so a snapshot does not depend on where the files were.
/// Serialization is by reflection: a test-time tool, not for trimmed or AOT-compiled apps.
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
/// //     "Level": "Warn",
/// //     ...
/// // app.log:2 | 2024-05-31 07:07:2 [WARN] ...
/// //   error: line 2, column 1: expected date and time, found "2"
/// </code>
/// </example>
public static class LogSnapshot
{
    private const string ReflectionNote = "Serializes values of any type with System.Text.Json reflection; a test-time tool.";

    /// <summary>Renders records read with <see cref="LogReader"/>: one block per line, the value as JSON or the error.</summary>
    /// <typeparam name="T">What the grammar made of each line.</typeparam>
    /// <param name="records">The records, in order.</param>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    public static string Render<T>(IEnumerable<LogRecord<T>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var record in records) Append(text, record);
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
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false)) Append(text, record);
        return text.ToString();
    }

    /// <summary>
    /// Renders auth log entries (for a program grammar added with <see cref="AuthLogParser.WithProgram"/>): per entry its
    /// position and envelope (<c>auth.log:3 | 2024-05-31T07:07:22.0000000+00:00 vpn openvpn[1234]: message</c>, a <c>?</c>
    /// after an inferred year), then its event as JSON with its <c>"$type"</c>.
    /// </summary>
    /// <param name="entries">The entries, in order.</param>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    public static string Render(IEnumerable<AuthLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var entry in entries) Append(text, entry);
        return text.ToString();
    }

    /// <summary>Renders auth log entries as <see cref="Render(IEnumerable{AuthLogEntry})"/> does, reading them to the end.</summary>
    /// <param name="entries">The entries, in order (an <see cref="AuthLogReader"/> read).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    public static async ValueTask<string> RenderAsync(IAsyncEnumerable<AuthLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false)) Append(text, entry);
        return text.ToString();
    }

    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static void Append<T>(StringBuilder text, LogRecord<T> record)
    {
        AppendPosition(text, record.Position).Append(" | ");
        AppendEscaped(text, record.Text).Append('\n');
        if (record.Error is { } error)
            text.Append("  error: ").Append(error.Message).Append('\n');
        else
            AppendJson(text, record.Value);
    }

    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static void Append(StringBuilder text, AuthLogEntry entry)
    {
        AppendPosition(text, entry.Position).Append(" | ");
        if (entry.Event is not MalformedLine)
        {
            text.Append(entry.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture))
                .Append(entry.YearWasInferred ? "? " : " ")
                .Append(entry.Host ?? "-").Append(' ').Append(entry.Program);
            if (entry.ProcessId is { } pid) text.Append('[').Append(pid.ToString(CultureInfo.InvariantCulture)).Append(']');
            text.Append(": ");
        }
        AppendEscaped(text, entry.Message).Append('\n');
        AppendJson(text, entry.Event);
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

    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static void AppendJson(StringBuilder text, object? value)
    {
        if (value is null)
        {
            text.Append("  null\n");
            return;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = Json.Encoder }))
            TypedConverter.WriteTyped(writer, value, Json);
        foreach (var line in Encoding.UTF8.GetString(buffer.ToArray()).Split('\n'))
            text.Append("  ").Append(line).Append('\n');
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached through LogSnapshot's public methods, which carry RequiresUnreferencedCode.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached through LogSnapshot's public methods, which carry RequiresDynamicCode.")]
    private static readonly JsonSerializerOptions Json = CreateOptions();

    [RequiresUnreferencedCode(ReflectionNote)]
    [RequiresDynamicCode(ReflectionNote)]
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            IncludeFields = true,
            Converters = { new JsonStringEnumConverter(), new IPAddressConverter(), new TypedConverter() },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed class IPAddressConverter : JsonConverter<IPAddress>
    {
        public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Snapshots are written, not read.");

        public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>Writes a value declared as an abstract class (an <see cref="AuthEvent"/>) as its runtime type, named by <c>"$type"</c>.</summary>
    private sealed class TypedConverter : JsonConverter<object>
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsClass && typeToConvert.IsAbstract && !typeof(IEnumerable).IsAssignableFrom(typeToConvert);

        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Snapshots are written, not read.");

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached through LogSnapshot's public methods, which carry RequiresUnreferencedCode.")]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached through LogSnapshot's public methods, which carry RequiresDynamicCode.")]
        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => WriteTyped(writer, value, options);

        [RequiresUnreferencedCode(ReflectionNote)]
        [RequiresDynamicCode(ReflectionNote)]
        public static void WriteTyped(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            var type = value.GetType();
            var element = JsonSerializer.SerializeToElement(value, type, options);
            if (element.ValueKind != JsonValueKind.Object)
            {
                element.WriteTo(writer);
                return;
            }
            writer.WriteStartObject();
            writer.WriteString("$type", TypeName(type));
            foreach (var property in element.EnumerateObject()) property.WriteTo(writer);
            writer.WriteEndObject();
        }

        private static string TypeName(Type type)
        {
            if (!type.IsGenericType) return type.Name;
            var name = type.Name;
            var tick = name.IndexOf('`');
            var arguments = type.GetGenericArguments();
            var text = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
            for (var i = 0; i < arguments.Length; i++) text.Append(i == 0 ? "" : ", ").Append(TypeName(arguments[i]));
            return text.Append('>').ToString();
        }
    }
}
