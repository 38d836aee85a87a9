namespace LogParsing.Reading;

/// <summary>What the pipeline knows of one line besides its text.</summary>
/// <param name="Number">The 1-based line number in its source.</param>
/// <param name="Offset">The byte offset of the line's first byte (in the decompressed content, for gzip).</param>
/// <param name="Truncated">The line was longer than the maximum length and was cut there.</param>
/// <param name="Unterminated">The line is the last of a source that ended without a final <c>'\n'</c>.</param>
/// <param name="Fingerprint">The source file's fingerprint (<see cref="LogPosition.Fingerprint"/>), or null.</param>
internal readonly record struct LineInfo(long Number, long Offset, bool Truncated, bool Unterminated, string? Fingerprint = null)
{
    /// <summary>Where the line is, in <paramref name="source"/>.</summary>
    public LogPosition Position(string? source) => new(source, Number) { ByteOffset = Offset, Fingerprint = Fingerprint };
}
