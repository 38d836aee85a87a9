using System.Diagnostics.CodeAnalysis;

namespace LogParsing;

/// <summary>
/// One non-empty line of a log read with your own grammar by <see cref="LogReader"/>: the value the grammar made of it,
/// or why it could not; the raw text either way.
/// </summary>
/// <example>
/// <code>
/// await foreach (var r in LogReader.ReadAsync("/var/log/myapp.log", AppLogGrammar.Line))
///     Console.WriteLine(r.Success ? $"{r.Value.Level} {r.Value.Message}" : r.Error.Message);
/// </code>
/// </example>
/// <typeparam name="T">What the grammar makes of a line.</typeparam>
public sealed record LogRecord<T>
{
    /// <summary>What the grammar made of the line; <c>default</c> when it did not parse.</summary>
    public T? Value { get; init; }

    /// <summary>True when the grammar read the whole line (<see cref="Error"/> is null).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The raw line, without its newline (CR trimmed, invalid UTF-8 replaced by U+FFFD).</summary>
    public required string Text { get; init; }

    /// <summary>Source file and 1-based line number.</summary>
    public LogPosition Position { get; init; }

    /// <summary>Where and why the line did not parse; null on success.</summary>
    public LogParseError? Error { get; init; }

    /// <summary>True when the line was longer than <see cref="LogReaderOptions.MaxLineLength"/>: <see cref="Text"/> holds its start, and it was not parsed.</summary>
    public bool Truncated { get; init; }

    /// <summary>True when the line was the last of its source and ended without a <c>'\n'</c> (its writer may not have finished it).</summary>
    public bool Unterminated { get; init; }
}
