namespace LogParsing;

/// <summary>How far a reader has got in one file: bytes of the file itself (compressed bytes for a gzip file), so a progress bar is exact either way.</summary>
/// <param name="Source">The file.</param>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="Length">The file's length when it was opened.</param>
public readonly record struct LogReadProgress(string Source, long BytesRead, long Length);
