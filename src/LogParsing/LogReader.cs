using Pidgin;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads a line-based log of your own format with your own Pidgin grammar, through the same pipeline as
/// <see cref="AuthLogReader"/>: files, rotation sets oldest first, gzip found by its bytes, streams, live files,
/// over-long lines cut, cancellation. Every non-empty line yields exactly one <see cref="LogRecord{T}"/>, in order; a line
/// the grammar does not read is a failed record with the raw text and Pidgin's error, never an exception.
/// </summary>
/// <remarks>
/// The grammar must read the whole line: the reader runs <c>line.Before(Parser&lt;char&gt;.End)</c>, so a grammar that
/// stops early fails with <c>expected end of input</c> at the first character it left. Ending the grammar with
/// <see cref="Grammar.Scan.End"/> yourself is harmless. Build the grammar once (a <c>static readonly</c> field): the
/// reader keeps no per-line state in it and may share it across threads.
/// </remarks>
/// <example>
/// <code>
/// // 2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4
/// await foreach (var r in LogReader.ReadAsync("/var/log/myapp.log", AppLogGrammar.Line, new() { IncludeRotated = true }))
/// {
///     if (r is { Value: { } e }) Console.WriteLine($"{e.Timestamp:u} {e.Level} {e.Message}");
///     else Console.Error.WriteLine($"{r.Position.Source}: {r.Error}");   // line 7, column 25: expected level, found "X"
/// }
/// </code>
/// </example>
public static class LogReader
{
    /// <summary>
    /// Reads a file, or with <see cref="LogReaderOptions.IncludeRotated"/> its whole rotation set oldest first
    /// (<c>app.log.2.gz</c>, <c>app.log.1</c>, <c>app.log</c>). A missing file throws <see cref="FileNotFoundException"/>
    /// on the first <c>MoveNextAsync</c>; a read fault part way throws <see cref="LogReadException"/> naming the file and
    /// offset after every complete line before it.
    /// </summary>
    /// <typeparam name="T">What <paramref name="line"/> makes of a line.</typeparam>
    /// <param name="path">The log file (the newest of a rotation set).</param>
    /// <param name="line">The grammar of one line (without its newline); run to the end of the line.</param>
    /// <param name="options">Rotation, line length limit; null for defaults. Year and zone options do not apply: the grammar reads its own stamps.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<LogRecord<T>> ReadAsync<T>(string path, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        ReaderOf(line).ReadAsync(path, options, cancellationToken);

    /// <summary>Reads a stream (plain or gzip); the stream is not disposed.</summary>
    /// <typeparam name="T">What <paramref name="line"/> makes of a line.</typeparam>
    /// <param name="stream">The log content.</param>
    /// <param name="line">The grammar of one line; run to the end of the line.</param>
    /// <param name="options">Line length limit; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<LogRecord<T>> ReadAsync<T>(Stream stream, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        ReaderOf(line).ReadAsync(stream, options, cancellationToken);

    /// <summary>
    /// Follows a live file like <c>tail -F</c>: yields lines as they are appended, across rotation (rename and new file, or
    /// copytruncate), waiting while the file does not exist. Only new lines unless <see cref="LogReaderOptions.FollowFromStart"/>.
    /// Ends only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <typeparam name="T">What <paramref name="line"/> makes of a line.</typeparam>
    /// <param name="path">The live log file.</param>
    /// <param name="line">The grammar of one line; run to the end of the line.</param>
    /// <param name="options">Poll interval, start position, line length limit; null for defaults.</param>
    /// <param name="cancellationToken">Stops following; the file is closed.</param>
    public static IAsyncEnumerable<LogRecord<T>> FollowAsync<T>(string path, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        ReaderOf(line).FollowAsync(path, options, cancellationToken);

    private static LineReader<LogRecord<T>, LogReaderOptions> ReaderOf<T>(Parser<char, T> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Built once per read, not per line.
        var parser = new LogParser<T>(line);
        return new(options => (source, _) => new RecordProcessor<T>(parser, source, options.MaxLineLength), LogReaderOptions.Default, parallel: true);
    }

    private sealed class RecordProcessor<T>(LogParser<T> parser, string? source, int maxLineLength) : LineProcessor<LogRecord<T>>
    {
        public override void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<LogRecord<T>> output)
        {
            var position = info.Position(source);
            // A cut line is not the line the grammar was written for: parsing its start could succeed with wrong values.
            var record = info.Truncated ? LogParser<T>.Truncation(line, position, maxLineLength) : parser.Parse(line, position);
            output.Add(info.Unterminated ? record with { Unterminated = true } : record);
        }

        // Each line is read alone (the grammar keeps no state and is shared across threads): any chunk reads apart.
        public override LineProcessor<LogRecord<T>> NewChunkProcessor() => new RecordProcessor<T>(parser, source, maxLineLength);
    }
}
