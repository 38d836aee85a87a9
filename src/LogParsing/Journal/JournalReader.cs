using LogParsing.Journal;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads systemd's journal as <see cref="AuthLogEntry"/> records, the same records and events
/// <see cref="AuthLogReader"/> gives for <c>/var/log/auth.log</c>: saved or piped <c>journalctl</c> output
/// (<c>-o json</c>, <c>-o json-seq</c>, or the text outputs <c>short</c>, <c>short-iso</c>, <c>short-iso-precise</c>,
/// <c>short-precise</c>, <c>short-unix</c>, told apart by content),.
/// </summary>
/// <remarks>
/// Every JSON line yields one entry (an object that is not a journal entry with a <c>MESSAGE</c> is a
/// <see cref="MalformedLine"/> with the raw text). In text outputs, <c>-- </c> marker lines (<c>-- Boot … --</c>,
/// <c>-- No entries --</c>) yield nothing, and indented continuation lines of a multi-line message are folded into the
/// previous entry's <see cref="AuthLogEntry.Message"/>, so a text entry is yielded when the next line starts (or the
/// source ends). The journal's binary files are not read directly: journalctl is their stable interface.
/// </remarks>
/// <example>
/// <code>
/// await foreach (var e in JournalReader.ReadAsync(Console.OpenStandardInput(), cancellationToken: cancellationToken))
///     if (e.Event.Outcome == AuthOutcome.Failure) Console.WriteLine($"{e.Timestamp:u} {e.Event.Remote?.Host} {e.Event.User}");
/// </code>
/// </example>
public static class JournalReader
{
    /// <summary>
    /// Reads saved <c>journalctl</c> output (<c>journalctl -o json --all &gt; auth.json</c>, or a text output), plain or gzip.
    /// A missing file throws <see cref="FileNotFoundException"/> on the first <c>MoveNextAsync</c>; a read fault part way
    /// throws <see cref="LogReadException"/> after every complete line before it.
    /// </summary>
    /// <param name="path">The saved output.</param>
    /// <param name="options">Grammars, zone and year for text stamps; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(string path, JournalReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= JournalReaderOptions.Default;
        return LogFiles.ReadPathAsync(path, options.IncludeRotated, options.MaxLineLength, Processor(options), cancellationToken);
    }

    /// <summary>
    /// Reads <c>journalctl</c> output from a stream (plain or gzip), such as standard input of
    /// <c>journalctl -o json | yourtool</c>. The stream is not disposed.
    /// </summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Grammars, zone and year for text stamps; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(Stream stream, JournalReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= JournalReaderOptions.Default;
        return LogFiles.ReadStreamAsync(stream, options.MaxLineLength, Processor(options), cancellationToken);
    }

    private static LogFiles.ProcessorFactory<AuthLogEntry> Processor(JournalReaderOptions options) =>
        (source, lastWrite) => new JournalLineProcessor(options.Parser, TimestampResolver.For(options, lastWrite), options.TimeZone, source);
}
