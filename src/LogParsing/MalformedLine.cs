namespace LogParsing;

/// <summary>
/// The line has no syslog header we can read; <see cref="LogEntry.Message"/> holds the whole raw line,
/// <see cref="AuthLogEntry.Program"/> is empty and <see cref="LogEntry.Timestamp"/> is default.
/// </summary>
public sealed record MalformedLine : AuthEvent
{
    /// <summary>True when the line was longer than <see cref="LogReaderOptions.MaxLineLength"/> and was cut there.</summary>
    public bool Truncated { get; init; }
}
