namespace LogParsing;

/// <summary>How <see cref="AuthLogReader"/> reads: year and zone of classic timestamps, rotation, custom grammars, limits.</summary>
public sealed record AuthLogReaderOptions : LogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new AuthLogReaderOptions Default { get; } = new();

    /// <summary>The grammars: <see cref="AuthLogParser.Default"/>, or one extended with <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent})"/>.</summary>
    public AuthLogParser Parser { get; init; } = AuthLogParser.Default;
}
