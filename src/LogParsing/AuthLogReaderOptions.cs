namespace LogParsing;

/// <summary>How <see cref="AuthLogReader"/> reads: year and zone of classic timestamps, rotation, custom grammars, limits.</summary>
public sealed record AuthLogReaderOptions : LogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new AuthLogReaderOptions Default { get; } = new();

    /// <summary>The grammars: <see cref="AuthLogParser.Default"/>, or one extended with <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent})"/>.</summary>
    public AuthLogParser Parser { get; init; } = AuthLogParser.Default;

    /// <summary>
    /// Join the continuation lines of a multi-line message to the entry before them, as Elastic's <c>system.auth</c>
    /// input does (its multiline pattern <c>^\s</c>): a line that starts with a space or tab and has no syslog header is
    /// appended to the previous entry's <see cref="LogEntry.Message"/> after <c>'\n'</c>, whose event is then read from
    /// the whole message, and counted in <see cref="LogEntry.ContinuationLines"/> (the message is capped at
    /// <see cref="LogReaderOptions.MaxLineLength"/> characters, as for the other readers' folding). Default false: every
    /// non-empty line is one entry, and such a line is a <see cref="MalformedLine"/> of its own. Joined lines are read in
    /// order whatever <see cref="LogReaderOptions.MaxDegreeOfParallelism"/> says (the files of a rotation set may still be
    /// read side by side): a chunk may start with the continuation of the entry before it.
    /// </summary>
    public bool JoinContinuationLines { get; init; }
}
