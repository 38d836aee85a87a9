namespace LogParsing;

/// <summary>Where an entry came from.</summary>
/// <param name="Source">The file path, or null for a stream or a single parsed line.</param>
/// <param name="Line">The 1-based line number within <paramref name="Source"/> (0 when unknown).</param>
public readonly record struct LogPosition(string? Source, long Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source ?? "<stream>"}:{Line}";
}
