namespace LogParsing;

/// <summary>
/// The line has no syslog header we can read; <see cref="AuthLogEntry.Message"/> holds the whole raw line,
/// <see cref="AuthLogEntry.Program"/> is empty and <see cref="AuthLogEntry.Timestamp"/> is default.
/// </summary>
public sealed record MalformedLine : AuthEvent
{
    /// <summary>True when the line was longer than <see cref="LogReaderOptions.MaxLineLength"/> and was cut there.</summary>
    public bool Truncated { get; init; }
}
