namespace LogParsing;

/// <summary>
/// A <see cref="LogCheckpoint"/> that names no file any more: neither the file nor its rotated predecessors start with
/// the bytes it was saved for (the log was rewritten, or rotated out of the set). Reading from the start would repeat
/// lines and reading from the end would lose some: the caller decides, and deletes or replaces the checkpoint.
/// </summary>
public sealed class LogCheckpointException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="checkpoint">The checkpoint refused.</param>
    /// <param name="message">Why.</param>
    public LogCheckpointException(LogCheckpoint checkpoint, string message) : base(message)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Checkpoint = checkpoint;
    }

    /// <summary>The checkpoint refused.</summary>
    public LogCheckpoint Checkpoint { get; }
}
