using System.Collections.Immutable;
using System.Text;
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
    public static IAsyncEnumerable<LogRecord<T>> ReadAsync<T>(string path, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(line);
        options ??= LogReaderOptions.Default;
        return LogFiles.ReadPathAsync(path, options, Processor(line, options), cancellationToken);
    }

    /// <summary>Reads a stream (plain or gzip); the stream is not disposed.</summary>
    /// <typeparam name="T">What <paramref name="line"/> makes of a line.</typeparam>
    /// <param name="stream">The log content.</param>
    /// <param name="line">The grammar of one line; run to the end of the line.</param>
    /// <param name="options">Line length limit; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<LogRecord<T>> ReadAsync<T>(Stream stream, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(line);
        options ??= LogReaderOptions.Default;
        return LogFiles.ReadStreamAsync(stream, options.MaxLineLength, Processor(line, options), cancellationToken);
    }

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
    public static IAsyncEnumerable<LogRecord<T>> FollowAsync<T>(string path, Parser<char, T> line, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(line);
        options ??= LogReaderOptions.Default;
        return LogFiles.FollowAsync(path, options.FollowFromStart, options.PollInterval, options.MaxLineLength, Processor(line, options), cancellationToken);
    }

    /// <summary>
    /// Parses one line with <paramref name="line"/>, run to its end, as the readers do; never throws on content.
    /// The record's <see cref="LogRecord{T}.Position"/> is empty and its error message has no line number.
    /// </summary>
    /// <typeparam name="T">What <paramref name="line"/> makes of a line.</typeparam>
    /// <param name="text">The raw line, without its newline.</param>
    /// <param name="line">The grammar of one line.</param>
    public static LogRecord<T> ParseLine<T>(string text, Parser<char, T> line)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(line);
        return Parse(line.Before(Parser<char>.End), text.AsSpan(), default);
    }

    private static LogFiles.ProcessorFactory<LogRecord<T>> Processor<T>(Parser<char, T> line, LogReaderOptions options)
    {
        // Built once per read, not per line: the grammar as given, then nothing left.
        var whole = line.Before(Parser<char>.End);
        var maxLineLength = options.MaxLineLength;
        return (source, _) => new RecordProcessor<T>(whole, source, maxLineLength);
    }

    private static LogRecord<T> Parse<T>(Parser<char, T> whole, ReadOnlySpan<char> line, LogPosition position)
    {
        var result = whole.Parse(line);
        if (result.Success)
            return new LogRecord<T> { Value = result.Value, Line = new string(line), Position = position };
        return new LogRecord<T> { Line = new string(line), Position = position, Error = ErrorOf(result.Error!, position.Line) };
    }

    private static LogParseError ErrorOf(ParseError<char> error, long lineNumber)
    {
        var expected = ImmutableArray.CreateBuilder<string>();
        foreach (var item in error.Expected)
        {
            var text = Describe(item);
            if (!expected.Contains(text)) expected.Add(text);
        }
        var column = error.ErrorOffset + 1;
        var unexpected = error.EOF || !error.Unexpected.HasValue ? null : error.Unexpected.Value.ToString();

        var message = new StringBuilder();
        if (lineNumber > 0) message.Append("line ").Append(lineNumber).Append(", ");
        message.Append("column ").Append(column).Append(": ");
        if (expected.Count > 0)
        {
            message.Append("expected ");
            for (var i = 0; i < expected.Count; i++)
                message.Append(i == 0 ? "" : i == expected.Count - 1 ? " or " : ", ").Append(expected[i]);
        }
        else
        {
            message.Append(error.Message ?? "unexpected input");
        }
        message.Append(unexpected is null ? ", found end of line" : $", found \"{unexpected}\"");
        if (expected.Count > 0 && error.Message is { } custom) message.Append(" (").Append(custom).Append(')');
        return new LogParseError
        {
            Line = lineNumber,
            Column = column,
            Expected = expected.ToImmutable(),
            Unexpected = unexpected,
            Message = message.ToString(),
        };
    }

    // Pidgin's own ToString says "Label: level" and "EOF": a label is shown as written, tokens in quotes.
    private static string Describe(Expected<char> expected) =>
        expected.IsEof ? "end of input"
        : expected.Label is { } label ? label
        : expected.Tokens is { IsDefault: false } tokens ? $"\"{new string(tokens.AsSpan())}\""
        : "something else";

    private static LogParseError Truncation(long lineNumber, int column, int maxLineLength) => new()
    {
        Line = lineNumber,
        Column = column,
        Message = $"line {lineNumber}, column {column}: longer than MaxLineLength ({maxLineLength} bytes), cut here and not parsed",
    };

    private sealed class RecordProcessor<T>(Parser<char, T> whole, string? source, int maxLineLength) : LineProcessor<LogRecord<T>>
    {
        public override void OnLine(ReadOnlySpan<char> line, long lineNumber, bool truncated, List<LogRecord<T>> output)
        {
            var position = new LogPosition(source, lineNumber);
            // A cut line is not the line the grammar was written for: parsing its start could succeed with wrong values.
            output.Add(truncated
                ? new LogRecord<T> { Line = new string(line), Position = position, Truncated = true, Error = Truncation(lineNumber, line.Length + 1, maxLineLength) }
                : Parse(whole, line, position));
        }
    }
}
