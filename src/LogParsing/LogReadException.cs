namespace LogParsing;

/// <summary>
/// Reading a log failed part way: the file is named, with the byte offset (of the decompressed content)
/// where reading stopped. Every complete line before it was already yielded.
/// </summary>
public sealed class LogReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file path, or null for a stream.</param>
    /// <param name="byteOffset">Bytes read before the fault.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The underlying error.</param>
    public LogReadException(string? source, long byteOffset, string message, Exception? inner = null)
        : base($"{source ?? "<stream>"}: {message} (at byte {byteOffset})", inner)
    {
        Source = source;
        ByteOffset = byteOffset;
    }

    /// <summary>The file path, or null for a stream.</summary>
    public new string? Source { get; }

    /// <summary>Bytes of (decompressed) content read before the fault.</summary>
    public long ByteOffset { get; }
}
