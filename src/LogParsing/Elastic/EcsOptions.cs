namespace LogParsing.Elastic;

/// <summary>How <see cref="EcsWriter"/> writes documents: the data stream's namespace, the clock for lines without a time.</summary>
public sealed record EcsOptions
{
    private readonly string _namespace = "default";

    /// <summary>The options of Elastic's integration: namespace <c>default</c>, the system clock.</summary>
    public static EcsOptions Default { get; } = new();

    /// <summary>
    /// The data stream's namespace (<c>default</c>): the end of the index name <c>logs-system.auth-&lt;namespace&gt;</c> and
    /// the documents' <c>data_stream.namespace</c>, which Elasticsearch requires to agree.
    /// </summary>
    /// <exception cref="ArgumentException">Not a namespace Elasticsearch accepts (<see cref="IsValidNamespace"/>).</exception>
    public string Namespace
    {
        get => _namespace;
        init => _namespace = IsValidNamespace(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a data stream namespace: lowercase, at most 100 bytes, none of - \\ / * ? \" < > | , # : or spaces.", nameof(value));
    }

    /// <summary>The clock that dates a <see cref="MalformedLine"/>, which has no time of its own: the time it was read.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// True (the default) to add our own reading of the event under <c>system.auth.logparsing</c> (its type, outcome and
    /// every field, as <see cref="Json.AuthLogJson.WriteEvent"/> writes them); false for only the fields Elastic's integration knows.
    /// </summary>
    public bool IncludeEvent { get; init; } = true;

    /// <summary>
    /// True to write the raw line as <c>event.original</c> (default false, as Elastic's integration, whose pipeline
    /// removes it unless <c>preserve_original_event</c> is set). It is the entry's <see cref="LogEntry.Original"/>, kept
    /// only when the entries were read with <see cref="LogReaderOptions.KeepOriginal"/>; for a <see cref="MalformedLine"/>
    /// its message, which is the raw line. An entry with neither gets none.
    /// </summary>
    public bool IncludeOriginal { get; init; }

    /// <summary>The grammars that made the entries, for the JSON of custom events in <c>system.auth.logparsing</c>; null for <see cref="AuthLogParser.Default"/>.</summary>
    public AuthLogParser? Parser { get; init; }

    /// <summary>The data stream the documents belong to: <c>logs-system.auth-default</c>.</summary>
    public string DataStream => "logs-system.auth-" + Namespace;

    /// <summary>
    /// True when Elasticsearch accepts <paramref name="value"/> as a data stream namespace: not empty, at most 100 bytes,
    /// lowercase, without <c>-</c> (it separates the parts of the name), <c>\ / * ? " &lt; &gt; | , # :</c> or white space.
    /// </summary>
    /// <param name="value">The namespace.</param>
    public static bool IsValidNamespace(string? value)
    {
        if (string.IsNullOrEmpty(value) || System.Text.Encoding.UTF8.GetByteCount(value) > 100) return false;
        foreach (var c in value)
            if (char.IsUpper(c) || char.IsWhiteSpace(c) || c is '-' or '\\' or '/' or '*' or '?' or '"' or '<' or '>' or '|' or ',' or '#' or ':') return false;
        return true;
    }
}
