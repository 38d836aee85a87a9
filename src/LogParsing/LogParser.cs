using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Pidgin;
using LogParsing.Grammar;

namespace LogParsing;

/// <summary>
/// Parses single lines of a log of your own format with your own Pidgin grammar, run to the end of the line, as
/// <see cref="LogReader"/> does: the value, or where and why the line did not parse. Never throws on content. Immutable,
/// so one instance (a <c>static readonly</c> field) serves every thread.
/// </summary>
/// <remarks>
/// A line is parsed quietly first (nothing recorded on the many branches that fail on the way); only a line that does
/// not parse is parsed again, recording, to say what was expected. A grammar must not depend on being run once.
/// </remarks>
/// <example>
/// <code>
/// static readonly LogParser&lt;AppLogEvent&gt; App = new(AppLogGrammar.Line);
/// var record = App.Parse("2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4");
/// if (!record.Success) Console.Error.WriteLine(record.Error);   // column 25: expected level, found "X"
/// </code>
/// </example>
/// <typeparam name="T">What the grammar makes of a line.</typeparam>
public sealed class LogParser<T>
{
    private readonly Parser<char, T> _whole;

    /// <summary>A parser that reads each line with <paramref name="grammar"/>, which must read the whole line.</summary>
    /// <param name="grammar">The grammar of one line (without its newline).</param>
    public LogParser(Parser<char, T> grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        Grammar = grammar;
        _whole = grammar.Before(Parser<char>.End);
    }

    /// <summary>The grammar of one line, as given.</summary>
    public Parser<char, T> Grammar { get; }

    /// <summary>
    /// Parses one line. The record's <see cref="LogRecord{T}.Position"/> is empty and its error message has no line number.
    /// </summary>
    /// <param name="line">The raw line, without its newline.</param>
    public LogRecord<T> Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(line.AsSpan(), default);
    }

    /// <summary>Parses one line; false (and the default) when the grammar does not read all of it.</summary>
    /// <param name="line">The raw line, without its newline.</param>
    /// <param name="value">What the grammar made of the line.</param>
    public bool TryParse(ReadOnlySpan<char> line, [MaybeNullWhen(false)] out T value)
    {
        var result = _whole.Parse(line, Quiet.Configuration);
        value = result.Success ? result.Value : default;
        return result.Success;
    }

    internal LogRecord<T> Parse(ReadOnlySpan<char> line, LogPosition position)
    {
        var result = _whole.Parse(line, Quiet.Configuration);
        if (result.Success)
            return new LogRecord<T> { Value = result.Value, Text = new string(line), Position = position };
        // The rare line that fails is parsed again, recording, for the error a person reads.
        var explained = _whole.Parse(line);
        if (explained.Success)
            return new LogRecord<T> { Value = explained.Value, Text = new string(line), Position = position };
        return new LogRecord<T> { Text = new string(line), Position = position, Error = ErrorOf(explained.Error!, position.Line) };
    }

    internal static LogRecord<T> Truncation(ReadOnlySpan<char> line, LogPosition position, int maxLineLength)
    {
        var column = line.Length + 1;
        return new LogRecord<T>
        {
            Text = new string(line),
            Position = position,
            Truncated = true,
            Error = new LogParseError
            {
                Line = position.Line,
                Column = column,
                Message = $"line {position.Line}, column {column}: longer than MaxLineLength ({maxLineLength} bytes), cut here and not parsed",
            },
        };
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
}
