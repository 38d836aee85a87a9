using System.Collections.Immutable;

namespace LogParsing;

/// <summary>
/// Why a line did not parse with a grammar, from Pidgin's error: where (line and column), what the grammar expected
/// there, and what it found. <see cref="Message"/> says it all on one line:
/// <c>line 12, column 31: expected "port", found "x"</c>.
/// </summary>
public sealed record LogParseError
{
    /// <summary>The 1-based line number in its source (0 for a line parsed on its own).</summary>
    public long Line { get; init; }

    /// <summary>The 1-based column (in UTF-16 characters) where the grammar failed.</summary>
    public int Column { get; init; }

    /// <summary>What the grammar expected there, as Pidgin labels it (<c>"port"</c>, <c>IP address</c>, <c>end of input</c>), without duplicates.</summary>
    public ImmutableArray<string> Expected { get; init; } = [];

    /// <summary>The character found there, or null when the line ended.</summary>
    public string? Unexpected { get; init; }

    /// <summary>One line for people: <c>line 12, column 31: expected "port", found "x"</c>.</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
