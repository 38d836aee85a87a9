using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LogParsing.Json;

/// <summary>
/// The JSON of auth log entries and their events, one rendering for every output (<c>authlog events --format ndjson</c>,
/// snapshot tests): snake-case names, enums as snake-case names, addresses as text, nulls left out, and each event as its
/// runtime type with a <c>"$type"</c>. Source-generated metadata throughout: nothing is reflected at run time, so it
/// works in trimmed and Native AOT programs.
/// </summary>
/// <example>
/// <code>
/// using var writer = new Utf8JsonWriter(Console.OpenStandardOutput());
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log"))
/// {
///     AuthLogJson.WriteEntry(writer, e);   // {"timestamp":"...","program":"sshd","type":"SshdInvalidUser",...}
///     writer.Flush();
/// }
/// </code>
/// </example>
public static class AuthLogJson
{
    /// <summary>
    /// The options that write events as this class does, for <see cref="JsonSerializer"/>: the metadata of the events
    /// <paramref name="parser"/>'s grammars make (the library's families, and what <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent}, IJsonTypeInfoResolver)"/> added).
    /// </summary>
    /// <param name="parser">The grammars; null for <see cref="AuthLogParser.Default"/>.</param>
    public static JsonSerializerOptions SerializerOptions(AuthLogParser? parser = null) => (parser ?? AuthLogParser.Default).JsonOptions;

    /// <summary>
    /// One entry as one JSON object: <c>timestamp</c>, <c>year_inferred</c>, <c>host</c>, <c>program</c>, <c>pid</c>,
    /// <c>type</c>, <c>outcome</c>, <c>user</c>, <c>remote</c>, <c>remote_ambiguous</c> (when set), <c>repeat_count</c> (when not 1), <c>event</c>, <c>message</c>, <c>source</c>, <c>line</c>,
    /// <c>original</c> (when kept) (see docs/cli.md). A <see cref="MalformedLine"/> has no timestamp.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="parser">The grammars that read it (for its event's metadata); null for <see cref="AuthLogParser.Default"/>.</param>
    public static void WriteEntry(Utf8JsonWriter writer, AuthLogEntry entry, AuthLogParser? parser = null) => WriteEntry(writer, entry, parser, null);

    /// <summary>
    /// One entry as one JSON object (see <see cref="WriteEntry(Utf8JsonWriter, AuthLogEntry, AuthLogParser?)"/>), with
    /// where its remote address is: <c>remote.geo</c> (<c>continent_code</c>, <c>continent_name</c>,
    /// <c>country_iso_code</c>, <c>country_name</c>, <c>region_iso_code</c>, <c>region_name</c>, <c>city_name</c>,
    /// <c>latitude</c>, <c>longitude</c>, those the database knows) and <c>remote.as</c> (<c>number</c>,
    /// <c>organization</c>); and <c>original</c> when the entry kept its raw text (<see cref="LogEntry.Original"/>).
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="parser">The grammars that read it; null for <see cref="AuthLogParser.Default"/>.</param>
    /// <param name="geo">What <see cref="Analysis.Geo.GeoDatabases.Lookup(AuthLogEntry)"/> said of its remote address, or null.</param>
    public static void WriteEntry(Utf8JsonWriter writer, AuthLogEntry entry, AuthLogParser? parser, Analysis.Geo.GeoInfo? geo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        var evt = entry.Event;
        writer.WriteStartObject();
        if (evt is not MalformedLine)
        {
            writer.WriteString("timestamp", entry.Timestamp);
            writer.WriteBoolean("year_inferred", entry.YearWasInferred);
        }
        if (entry.Host is not null) writer.WriteString("host", entry.Host);
        writer.WriteString("program", entry.Program);
        if (entry.ProcessId is { } pid) writer.WriteNumber("pid", pid);
        writer.WriteString("type", evt.GetType().Name);
        writer.WriteString("outcome", evt.Outcome switch { AuthOutcome.Failure => "failure", AuthOutcome.Success => "success", _ => "none" });
        if (evt.User is { } user) writer.WriteString("user", user);
        if (evt.Remote is { } remote)
        {
            writer.WriteStartObject("remote");
            writer.WriteString("host", remote.Host);
            if (remote.Address is { } address) writer.WriteString("address", address.ToString());
            if (remote.Port is { } port) writer.WriteNumber("port", port);
            if (geo is not null) WriteGeo(writer, geo);
            writer.WriteEndObject();
        }
        if (evt.RemoteAmbiguous) writer.WriteBoolean("remote_ambiguous", true);
        if (entry.RepeatCount != 1) writer.WriteNumber("repeat_count", entry.RepeatCount);
        writer.WritePropertyName("event");
        WriteEvent(writer, evt, parser);
        writer.WriteString("message", entry.Message);
        if (entry.Position.Source is { } source) writer.WriteString("source", source);
        writer.WriteNumber("line", entry.Position.Line);
        if (entry.Original is { } original) writer.WriteString("original", original);
        writer.WriteEndObject();
    }

    /// <summary>
    /// An address's GeoIP and ASN as the ndjson of entries writes them beside <c>remote</c>: an object
    /// <paramref name="geoName"/> (<c>continent_code</c>, <c>country_iso_code</c>, <c>city_name</c>, <c>latitude</c>...) and an
    /// object <paramref name="asName"/> (<c>number</c>, <c>organization</c>), each only when the databases knew something.
    /// </summary>
    /// <example><c>AuthLogJson.WriteGeo(writer, geo, "source_geo", "source_as")</c> for a detection's flat source.</example>
    /// <param name="writer">Where to write, inside an object.</param>
    /// <param name="geo">What the databases said of the address.</param>
    /// <param name="geoName">The location object's name.</param>
    /// <param name="asName">The network object's name.</param>
    public static void WriteGeo(Utf8JsonWriter writer, Analysis.Geo.GeoInfo geo, string geoName = "geo", string asName = "as")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geo);
        if (geo.HasCountry || geo.ContinentCode is not null || geo.Latitude is not null)
        {
            writer.WriteStartObject(geoName);
            if (geo.ContinentCode is { } continentCode) writer.WriteString("continent_code", continentCode);
            if (geo.ContinentName is { } continentName) writer.WriteString("continent_name", continentName);
            if (geo.CountryIsoCode is { } countryCode) writer.WriteString("country_iso_code", countryCode);
            if (geo.CountryName is { } countryName) writer.WriteString("country_name", countryName);
            if (geo.RegionIsoCode is { } regionCode) writer.WriteString("region_iso_code", regionCode);
            if (geo.RegionName is { } regionName) writer.WriteString("region_name", regionName);
            if (geo.CityName is { } city) writer.WriteString("city_name", city);
            if (geo.Latitude is { } latitude) writer.WriteNumber("latitude", latitude);
            if (geo.Longitude is { } longitude) writer.WriteNumber("longitude", longitude);
            writer.WriteEndObject();
        }
        if (geo.HasNetwork)
        {
            writer.WriteStartObject(asName);
            if (geo.AsNumber is { } number) writer.WriteNumber("number", number);
            if (geo.AsOrganization is { } organization) writer.WriteString("organization", organization);
            writer.WriteEndObject();
        }
    }

    /// <summary>An event as a JSON object: <c>"$type"</c>, then its properties (<c>{"$type":"SshdInvalidUser","outcome":"failure","user":"abc",...}</c>).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="evt">The event.</param>
    /// <param name="parser">The grammars that made it (for its metadata); null for <see cref="AuthLogParser.Default"/>.</param>
    public static void WriteEvent(Utf8JsonWriter writer, AuthEvent evt, AuthLogParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evt);
        var options = SerializerOptions(parser);
        JsonSerializer.Serialize(writer, evt, (JsonTypeInfo<AuthEvent>)options.GetTypeInfo(typeof(AuthEvent)));
    }

    /// <summary>
    /// New options that write events as this class does, with the metadata of <paramref name="events"/> (a combination
    /// of source-generated contexts, say) before the library's own: for tools that render types of their own beside events.
    /// </summary>
    /// <param name="events">The metadata of the events, and of anything else to write.</param>
    public static JsonSerializerOptions CreateSerializerOptions(IJsonTypeInfoResolver events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = RuntimeTypeJsonConverter<Fail2BanEvent>.WithTypeNames(
                RuntimeTypeJsonConverter<AuthEvent>.WithTypeNames(JsonTypeInfoResolver.Combine(events, CoreJsonContext.Default)))
                .WithAddedModifier(WrittenWhenSet),
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            // Log text is shown as written: only what JSON itself requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // The core enums are named here, not on their types, which know no JSON; families name theirs on the type.
            Converters =
            {
                new RuntimeTypeJsonConverter<AuthEvent>(), new RuntimeTypeJsonConverter<Fail2BanEvent>(), new IPAddressJsonConverter(),
                new SnakeCaseEnumJsonConverter<AuthOutcome>(), new SnakeCaseEnumJsonConverter<Fail2BanLevel>(),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    // Flags and lists that are almost always unset are written only when set, as nulls are: remote_ambiguous on the rare
    // line that admits two readings, a list (sshd's supported algorithms) when the line gave one.
    private static void WrittenWhenSet(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(AuthEvent).IsAssignableFrom(info.Type)) return;
        foreach (var property in info.Properties)
        {
            if (property.Name == "remote_ambiguous")
                property.ShouldSerialize = static (_, value) => value is true;
            else if (property.PropertyType == typeof(System.Collections.Immutable.ImmutableArray<string>))
                property.ShouldSerialize = static (_, value) => value is System.Collections.Immutable.ImmutableArray<string> { IsDefaultOrEmpty: false };
        }
    }
}
