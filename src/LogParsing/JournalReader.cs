using LogParsing.Grammar;
using LogParsing.Journal;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads systemd's journal as <see cref="AuthLogEntry"/> records, the same records and events
/// <see cref="AuthLogReader"/> gives for <c>/var/log/auth.log</c>: saved or piped <c>journalctl</c> output
/// (<c>-o json</c>, <c>-o json-seq</c>, or the text outputs <c>short</c>, <c>short-iso</c>, <c>short-iso-precise</c>,
/// <c>short-precise</c>, <c>short-unix</c>, told apart by content), and a live <c>journalctl</c> child process.
/// </summary>
/// <remarks>
/// Every JSON line yields one entry (an object that is not a journal entry with a <c>MESSAGE</c> is a
/// <see cref="MalformedLine"/> with the raw text). In text outputs, <c>-- </c> marker lines (<c>-- Boot … --</c>,
/// <c>-- No entries --</c>) yield nothing, and indented continuation lines of a multi-line message are folded into the
/// previous entry's <see cref="LogEntry.Message"/>, so a text entry is yielded when the next line starts (or the
/// source ends). The journal's binary files are not read directly: journalctl is their stable interface.
/// </remarks>
/// <example>
/// <code>
/// var options = new JournalReaderOptions { Matches = ["_SYSTEMD_UNIT=ssh.service", "+", "SYSLOG_IDENTIFIER=sudo"] };
/// await foreach (var e in JournalReader.FollowAsync(options, cancellationToken))
///     if (e.Event.Outcome == AuthOutcome.Failure) Console.WriteLine($"{e.Timestamp:u} {e.Event.Remote?.Host} {e.Event.User}");
/// </code>
/// </example>
public static class JournalReader
{
    private static readonly LineReader<AuthLogEntry, JournalReaderOptions> Reader = new(Processor, JournalReaderOptions.Default);

    /// <summary>
    /// Reads saved <c>journalctl</c> output (<c>journalctl -o json --all &gt; auth.json</c>, or a text output), plain or gzip.
    /// A missing file throws <see cref="FileNotFoundException"/> on the first <c>MoveNextAsync</c>; a read fault part way
    /// throws <see cref="LogReadException"/> after every complete line before it.
    /// </summary>
    /// <param name="path">The saved output.</param>
    /// <param name="options">Grammars, zone and year for text stamps; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(string path, JournalReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(path, options, cancellationToken);

    /// <summary>
    /// Reads <c>journalctl</c> output from a stream (plain or gzip), such as standard input of
    /// <c>journalctl -o json | yourtool</c>. The stream is not disposed.
    /// </summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Grammars, zone and year for text stamps; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(Stream stream, JournalReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(stream, options, cancellationToken);

    /// <summary>
    /// Reads the live journal once: runs <c>journalctl -o json --no-pager --all</c> (with <c>--since</c> and the
    /// <see cref="JournalReaderOptions.Matches"/>) and yields its entries until it exits.
    /// </summary>
    /// <param name="options">journalctl path, start, matches, grammars; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; journalctl is killed.</param>
    /// <exception cref="FileNotFoundException">journalctl was not found (on the first <c>MoveNextAsync</c>).</exception>
    /// <exception cref="UnauthorizedAccessException">The user may not read the journal (not in <c>systemd-journal</c> or <c>adm</c>).</exception>
    /// <exception cref="JournalctlException">journalctl exited with another error, after every entry it printed.</exception>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(JournalReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options);
        return Journalctl.RunAsync(options, follow: false, Processor(options), cancellationToken);
    }

    /// <summary>
    /// Follows the live journal: runs <c>journalctl -o json --no-pager --all --follow</c> (with <c>--lines=0</c> for new
    /// entries only, or <c>--no-tail</c> with <see cref="JournalReaderOptions.Since"/> or
    /// <see cref="LogReaderOptions.FollowFromStart"/>, then <c>--since</c> and the <see cref="JournalReaderOptions.Matches"/>)
    /// and yields its entries as they come. Ends when <paramref name="cancellationToken"/> is cancelled or the enumeration
    /// is disposed (the journalctl process tree is killed), or when journalctl exits.
    /// </summary>
    /// <param name="options">journalctl path, start, matches, grammars; null for defaults.</param>
    /// <param name="cancellationToken">Stops following; journalctl is killed.</param>
    /// <exception cref="FileNotFoundException">journalctl was not found (on the first <c>MoveNextAsync</c>).</exception>
    /// <exception cref="UnauthorizedAccessException">The user may not read the journal (not in <c>systemd-journal</c> or <c>adm</c>).</exception>
    /// <exception cref="JournalctlException">journalctl exited with another error.</exception>
    public static IAsyncEnumerable<AuthLogEntry> FollowAsync(JournalReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options);
        return Journalctl.RunAsync(options, follow: true, Processor(options), cancellationToken);
    }

    private static JournalReaderOptions Validate(JournalReaderOptions? options)
    {
        options ??= JournalReaderOptions.Default;
        if (string.IsNullOrEmpty(options.JournalctlPath))
            throw new ArgumentException("JournalctlPath must name journalctl.", nameof(options));
        foreach (var match in options.Matches.IsDefault ? [] : options.Matches)
        {
            // A match that looks like an option would change what journalctl does, not what it selects.
            if (string.IsNullOrEmpty(match) || match[0] == '-')
                throw new ArgumentException($"'{match}' is not a journal match (FIELD=value, a path, or '+').", nameof(options));
        }
        return options;
    }

    private static LogFiles.ProcessorFactory<AuthLogEntry> Processor(JournalReaderOptions options) =>
        (source, lastWrite) => new JournalLineProcessor(options.Parser, TimestampResolver.For(options, lastWrite), options.TimeZone, source, options.MaxLineLength, options.KeepOriginal);
}
