namespace LogParsing;

/// <summary>
/// How <see cref="JournalReader"/> reads: the auth grammars. The inherited year and zone settings apply to journalctl's
/// text outputs (<c>short</c>, <c>short-precise</c>) whose stamps have no year or offset; JSON stamps are exact.
/// <see cref="LogReaderOptions.TimeZone"/>, when set, is also the offset JSON stamps are given (default UTC).
/// </summary>
public sealed record JournalReaderOptions : LogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new JournalReaderOptions Default { get; } = new();

    /// <summary>The grammars: <see cref="AuthLogParser.Default"/>, or one extended with <see cref="AuthLogParser.WithProgram"/>.</summary>
    public AuthLogParser Parser { get; init; } = AuthLogParser.Default;
}
