namespace LogParsing;

/// <summary>
/// What a line says happened. Concrete events are named for what happened and prefixed by family
/// (<c>SshdInvalidUser</c>, <c>PamSessionOpened</c>, <c>CronCommand</c>); match on them with <c>switch</c>.
/// </summary>
/// <remarks>
/// <see cref="User"/> and <see cref="Remote"/> are set by every event whose line carries them, so summaries
/// and ban policies work across families, including custom events from <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent})"/>.
/// </remarks>
public abstract record AuthEvent
{
    /// <summary>Success or failure of an authentication attempt; <see cref="AuthOutcome.None"/> for other events.</summary>
    public virtual AuthOutcome Outcome => AuthOutcome.None;

    /// <summary>The user name the line is about (the name tried, for failures), or null.</summary>
    public virtual string? User { get; init; }

    /// <summary>
    /// The remote host (and port) the line names, or null. Read from the part of the line the program itself writes, never
    /// from text the client chose (a user name, a reason, an offer): see docs/events.md, "Addresses and client-chosen text".
    /// </summary>
    public virtual RemoteEndpoint? Remote { get; init; }

    /// <summary>
    /// True when the line admits two readings of its address (a client-chosen field could have held the words around
    /// it): <see cref="Remote"/> is then null rather than an address the client could have typed.
    /// <c>WithSessionRemotes()</c> fills it from the unambiguous lines of the same connection and clears the flag.
    /// </summary>
    public bool RemoteAmbiguous { get; init; }
}
