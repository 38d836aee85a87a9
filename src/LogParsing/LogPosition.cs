namespace LogParsing;

/// <summary>Where an entry came from.</summary>
/// <param name="Source">The file path, or null for a stream or a single parsed line.</param>
/// <param name="Line">The 1-based line number within <paramref name="Source"/> (0 when unknown).</param>
public readonly record struct LogPosition(string? Source, long Line)
{
    /// <summary>
    /// The byte offset of the line's first byte in <see cref="Source"/> (in the decompressed content, for a gzip file);
    /// 0 for a single parsed line. With <see cref="Source"/> it names the line for as long as the file is not rewritten.
    /// </summary>
    public long ByteOffset { get; init; }

    /// <summary>
    /// The fingerprint of the file the line was read from, when it was opened: how many of its first bytes (up to 256)
    /// were hashed, and their hash (<c>256:9f86d081884c7d65…</c>). It tells the file apart from the next one rotation
    /// puts at the same path; <see cref="LogCheckpoint"/> keeps it. Null for streams, single lines and the journal.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// The journal's cursor of the entry (<c>__CURSOR</c> of <c>journalctl -o json</c>): its place in the journal, which
    /// <see cref="LogCheckpoint.After(LogPosition)"/> keeps for the live journal and <c>journalctl --after-cursor</c>
    /// resumes after. Null for log files and for journalctl's text outputs, which print no cursor.
    /// </summary>
    public string? Cursor { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Source ?? "<stream>"}:{Line}";
}
