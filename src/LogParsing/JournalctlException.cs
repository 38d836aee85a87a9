namespace LogParsing;

/// <summary>
/// The <c>journalctl</c> child process of <see cref="JournalReader"/> exited with an error. Every entry it printed
/// before was already yielded. A missing journalctl is a <see cref="FileNotFoundException"/> instead, and a user
/// not allowed to read the journal an <see cref="UnauthorizedAccessException"/> with this exception inside.
/// </summary>
public sealed class JournalctlException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, with journalctl's own words.</param>
    /// <param name="exitCode">journalctl's exit code.</param>
    /// <param name="standardError">What journalctl wrote to its standard error.</param>
    public JournalctlException(string message, int exitCode, string standardError)
        : base(message)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>journalctl's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>What journalctl wrote to its standard error (the first 16 KiB).</summary>
    public string StandardError { get; }
}
