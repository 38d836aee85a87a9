using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogParsing.Analysis.Geo;
using LogParsing.Json;

namespace LogParsing.Elastic;

/// <summary>
/// Entries as Elastic Common Schema documents, the ones Elastic's <c>system</c> integration (the <c>system.auth</c> data
/// stream of Elastic Agent and Filebeat) makes of the same lines, so that Kibana's dashboards and rules read them; and as
/// Elasticsearch <c>_bulk</c> requests. No reflection: written field by field with <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>docs/ecs.md maps each event and says where we differ from the integration, and why.</remarks>
/// <example>
/// <code>
/// var output = new ArrayBufferWriter&lt;byte&gt;();
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log"))
///     EcsWriter.WriteBulkItem(output, e);
/// // POST output.WrittenMemory to http://localhost:9200/_bulk with Content-Type: application/x-ndjson
/// </code>
/// </example>
public static class EcsWriter
{
    /// <summary>The ECS version the documents follow, the one the integration stamps (package 1.59.0 and later).</summary>
    public const string EcsVersion = "8.11.0";

    private static readonly JsonWriterOptions BulkWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="entry"/> as one ECS document (a JSON object).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="options">Namespace and clock; null for <see cref="EcsOptions.Default"/>.</param>
    /// <param name="geo">Where the entry's remote address is (<see cref="GeoDatabases.Lookup(AuthLogEntry)"/>), for <c>source.geo</c> and <c>source.as</c>; or null.</param>
    public static void WriteDocument(Utf8JsonWriter writer, AuthLogEntry entry, EcsOptions? options = null, GeoInfo? geo = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        options ??= EcsOptions.Default;
        var evt = entry.Event;
        var malformed = evt is MalformedLine;
        var f = malformed ? new EcsFields() : EcsMapping.Map(entry);

        writer.WriteStartObject();
        // A data stream refuses a document without @timestamp: a line without a readable time is dated when it was read.
        WriteTimestamp(writer, "@timestamp", malformed ? options.TimeProvider.GetUtcNow() : entry.Timestamp);

        writer.WriteStartObject("data_stream");
        writer.WriteString("type", "logs");
        writer.WriteString("dataset", "system.auth");
        writer.WriteString("namespace", options.Namespace);
        writer.WriteEndObject();

        writer.WriteStartObject("ecs");
        writer.WriteString("version", EcsVersion);
        writer.WriteEndObject();

        writer.WriteStartObject("event");
        writer.WriteString("kind", malformed ? "pipeline_error" : "event");
        writer.WriteString("module", "system");
        writer.WriteString("dataset", "system.auth");
        if (f.Action is not null) writer.WriteString("action", f.Action);
        WriteArray(writer, "category", f.Category1, f.Category2);
        WriteArray(writer, "type", f.Type1, f.Type2);
        if (f.Outcome is not null) writer.WriteString("outcome", f.Outcome);
        if (options.IncludeOriginal && (entry.Original ?? (malformed ? entry.Message : null)) is { } original)
            writer.WriteString("original", original);
        writer.WriteEndObject();

        if (malformed)
        {
            writer.WriteStartObject("error");
            writer.WriteString("message", evt is MalformedLine { Truncated: true }
                ? "the line is longer than the reader's maximum and was cut; it has no syslog header LogParsing can read"
                : "the line has no syslog header LogParsing can read");
            writer.WriteEndObject();
        }

        if (f.GroupName is not null || f.GroupId is not null)
        {
            writer.WriteStartObject("group");
            if (f.GroupId is not null) writer.WriteString("id", f.GroupId);
            if (f.GroupName is not null) writer.WriteString("name", f.GroupName);
            writer.WriteEndObject();
        }

        if (entry.Host is { Length: > 0 } host)
        {
            writer.WriteStartObject("host");
            writer.WriteString("hostname", host);
            writer.WriteEndObject();
        }

        if (entry.Position.Source is not null || entry.Severity is not null)
        {
            writer.WriteStartObject("log");
            if (entry.Position.Source is { } source)
            {
                writer.WriteStartObject("file");
                writer.WriteString("path", source);
                writer.WriteEndObject();
                // Filebeat's field: the byte offset of the line in its file (of the decompressed content, for gzip).
                writer.WriteNumber("offset", entry.Position.ByteOffset);
            }
            if (entry.Severity is { } severity)
            {
                writer.WriteStartObject("syslog");
                writer.WriteStartObject("severity");
                writer.WriteNumber("code", severity);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }

        writer.WriteString("message", entry.Message);

        if (entry.Program.Length > 0)
        {
            writer.WriteStartObject("process");
            writer.WriteString("name", entry.Program);
            if (entry.ProcessId is { } pid) writer.WriteNumber("pid", pid);
            writer.WriteEndObject();
        }

        WriteRelated(writer, entry, f);

        if (f.ServiceName is not null)
        {
            writer.WriteStartObject("service");
            writer.WriteString("name", f.ServiceName);
            writer.WriteEndObject();
        }

        WriteSource(writer, f, geo);
        WriteSystemAuth(writer, entry, f, options);
        WriteUser(writer, f);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes one item of an Elasticsearch <c>_bulk</c> request: the action line
    /// <c>{"create":{"_index":"logs-system.auth-default","_id":"..."}}</c>, then the document, each ending in <c>\n</c>
    /// (NDJSON; the body of a request is any number of items). <c>create</c> is the one action a data stream takes.
    /// </summary>
    /// <param name="output">Where to write the two lines, as UTF-8.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="options">Namespace (the index is <see cref="EcsOptions.DataStream"/>) and clock; null for <see cref="EcsOptions.Default"/>.</param>
    /// <param name="geo">Where the entry's remote address is, or null.</param>
    public static void WriteBulkItem(IBufferWriter<byte> output, AuthLogEntry entry, EcsOptions? options = null, GeoInfo? geo = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entry);
        options ??= EcsOptions.Default;
        using (var writer = new Utf8JsonWriter(output, BulkWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("create");
            writer.WriteString("_index", options.DataStream);
            writer.WriteString("_id", DocumentId(entry));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        output.Write("\n"u8);
        using (var writer = new Utf8JsonWriter(output, BulkWriterOptions))
            WriteDocument(writer, entry, options, geo);
        output.Write("\n"u8);
    }

    /// <summary>
    /// A document id that is the same each time the same line of the same file is read (so that loading a file twice
    /// makes no duplicates: the second <c>create</c> of an id is refused), and different for different lines: 20
    /// URL-safe base64 characters of a SHA-256 of the source's absolute path, the line's byte offset in it
    /// (<see cref="LogPosition.ByteOffset"/>), and the line's host, time, program, pid and message.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <remarks>
    /// The line's own content is in the hash so that a new file at the same path (after rotation) does not reuse the old
    /// file's ids, which Elasticsearch would refuse as duplicates. A file renamed by rotation gets new ids: load rotated
    /// files once, or only what is new (docs/elastic.md).
    /// </remarks>
    public static string DocumentId(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var source = entry.Position.Source is { } path ? FullPath(path) : "";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{source}\n{entry.Position.ByteOffset}\n{entry.Host}\n{entry.Timestamp.UtcTicks}\n{entry.Program}\n{entry.ProcessId}\n{entry.Message}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Base64Url.EncodeToString(hash[..15]);
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset time)
    {
        // Elasticsearch's own form: UTC, milliseconds, Z.
        Span<char> text = stackalloc char[24];
        time.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, string? first, string? second)
    {
        if (first is null) return;
        writer.WriteStartArray(name);
        writer.WriteStringValue(first);
        if (second is not null) writer.WriteStringValue(second);
        writer.WriteEndArray();
    }

    private static void WriteRelated(Utf8JsonWriter writer, AuthLogEntry entry, EcsFields f)
    {
        var host = entry.Host is { Length: > 0 } h ? h : null;
        var ip = f.Source?.Address;
        // The pipeline's related.user: user.name, user.effective.name, user.target.name, each once, empty ones left out.
        var u1 = f.UserName is { Length: > 0 } n ? n : null;
        var u2 = f.EffectiveName is { Length: > 0 } e && e != u1 ? e : null;
        var u3 = f.TargetName is { Length: > 0 } t && t != u1 && t != u2 ? t : null;
        if (host is null && ip is null && u1 is null && u2 is null && u3 is null) return;
        writer.WriteStartObject("related");
        if (host is not null)
        {
            writer.WriteStartArray("hosts");
            writer.WriteStringValue(host);
            writer.WriteEndArray();
        }
        if (ip is not null)
        {
            writer.WriteStartArray("ip");
            writer.WriteStringValue(ip.ToString());
            writer.WriteEndArray();
        }
        if (u1 is not null || u2 is not null || u3 is not null)
        {
            writer.WriteStartArray("user");
            if (u1 is not null) writer.WriteStringValue(u1);
            if (u2 is not null) writer.WriteStringValue(u2);
            if (u3 is not null) writer.WriteStringValue(u3);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter writer, EcsFields f, GeoInfo? geo)
    {
        if (f.Source is not { } source) return;
        writer.WriteStartObject("source");
        if (f.SourceAddress) writer.WriteString("address", source.Host);
        if (source.Address is { } address)
        {
            if (geo is not null) WriteGeoFields(writer, geo);
            writer.WriteString("ip", address.ToString());
        }
        else if (f.SourceAddress)
        {
            // The pipeline's convert to ip fails on a name, which it then copies to source.domain.
            writer.WriteString("domain", source.Host);
        }
        if (source.Port is { } port) writer.WriteNumber("port", port);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>as</c> and <c>geo</c> properties of an ECS <c>source</c> (or <c>destination</c>) object, into the
    /// object the writer is in, as Elasticsearch's geoip processor fills them from a City or Country database and an
    /// ASN database: for ECS documents of your own, such as alerts about an address.
    /// </summary>
    /// <param name="writer">Where to write, inside an open object.</param>
    /// <param name="geo">What <see cref="GeoDatabases.Lookup(System.Net.IPAddress)"/> said of the address.</param>
    public static void WriteGeoFields(Utf8JsonWriter writer, GeoInfo geo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geo);
        if (geo.HasNetwork)
        {
            writer.WriteStartObject("as");
            if (geo.AsNumber is { } number) writer.WriteNumber("number", number);
            if (geo.AsOrganization is { } organization)
            {
                writer.WriteStartObject("organization");
                writer.WriteString("name", organization);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        if (geo.HasCountry || geo.Latitude is not null) WriteGeo(writer, geo);
    }

    // The properties of Elasticsearch's geoip processor for a City database (a Country database fills the first three).
    private static void WriteGeo(Utf8JsonWriter writer, GeoInfo geo)
    {
        writer.WriteStartObject("geo");
        if (geo.CityName is not null) writer.WriteString("city_name", geo.CityName);
        if (geo.ContinentName is not null) writer.WriteString("continent_name", geo.ContinentName);
        if (geo.CountryIsoCode is not null) writer.WriteString("country_iso_code", geo.CountryIsoCode);
        if (geo.CountryName is not null) writer.WriteString("country_name", geo.CountryName);
        if (geo is { Latitude: { } lat, Longitude: { } lon })
        {
            writer.WriteStartObject("location");
            writer.WriteNumber("lat", lat);
            writer.WriteNumber("lon", lon);
            writer.WriteEndObject();
        }
        if (geo.RegionIsoCode is not null) writer.WriteString("region_iso_code", geo.RegionIsoCode);
        if (geo.RegionName is not null) writer.WriteString("region_name", geo.RegionName);
        writer.WriteEndObject();
    }

    private static void WriteSystemAuth(Utf8JsonWriter writer, AuthLogEntry entry, EcsFields f, EcsOptions options)
    {
        writer.WriteStartObject("system");
        writer.WriteStartObject("auth");
        if (f.SshEvent is not null || f.SshDroppedIp is not null)
        {
            writer.WriteStartObject("ssh");
            if (f.SshDroppedIp is not null) writer.WriteString("dropped_ip", f.SshDroppedIp);
            if (f.SshEvent is not null) writer.WriteString("event", f.SshEvent);
            if (f.SshMethod is not null) writer.WriteString("method", f.SshMethod);
            if (f.SshSignature is not null) writer.WriteString("signature", f.SshSignature);
            writer.WriteEndObject();
        }
        if (f.Sudo)
        {
            writer.WriteStartObject("sudo");
            if (f.SudoCommand is not null) writer.WriteString("command", f.SudoCommand);
            if (f.SudoError is not null) writer.WriteString("error", f.SudoError);
            if (f.SudoPwd is not null) writer.WriteString("pwd", f.SudoPwd);
            if (f.SudoTty is not null) writer.WriteString("tty", f.SudoTty);
            if (f.SudoUser is not null) writer.WriteString("user", f.SudoUser);
            writer.WriteEndObject();
        }
        if (f.UserAdd)
        {
            writer.WriteStartObject("useradd");
            if (f.UserAddFrom is not null) writer.WriteString("from", f.UserAddFrom);
            if (f.UserAddHome is not null) writer.WriteString("home", f.UserAddHome);
            if (f.UserAddShell is not null) writer.WriteString("shell", f.UserAddShell);
            writer.WriteEndObject();
        }
        if (entry.RepeatCount != 1) writer.WriteNumber("repeat_count", entry.RepeatCount);
        if (options.IncludeEvent)
        {
            writer.WritePropertyName("logparsing");
            AuthLogJson.WriteEvent(writer, entry.Event, options.Parser);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter writer, EcsFields f)
    {
        if (f.UserName is null && f.UserId is null && f.EffectiveName is null && f.EffectiveId is null && f.TargetName is null && f.TargetId is null) return;
        writer.WriteStartObject("user");
        if (f.EffectiveName is not null || f.EffectiveId is not null)
        {
            writer.WriteStartObject("effective");
            if (f.EffectiveId is not null) writer.WriteString("id", f.EffectiveId);
            if (f.EffectiveName is not null) writer.WriteString("name", f.EffectiveName);
            writer.WriteEndObject();
        }
        if (f.UserId is not null) writer.WriteString("id", f.UserId);
        if (f.UserName is not null) writer.WriteString("name", f.UserName);
        if (f.TargetName is not null || f.TargetId is not null)
        {
            writer.WriteStartObject("target");
            if (f.TargetId is not null) writer.WriteString("id", f.TargetId);
            if (f.TargetName is not null) writer.WriteString("name", f.TargetName);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
