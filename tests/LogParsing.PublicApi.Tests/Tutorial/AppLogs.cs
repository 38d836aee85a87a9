using LogParsing;

namespace Tutorial;

/// <summary>Reading the application's log, rotated and compressed, with its grammar.</summary>
public static class AppLogs
{
    /// <summary>
    /// Failed logins per user over <paramref name="path"/> and its rotated files (<c>app.log.2.gz</c>, <c>app.log.1</c>,
    /// <c>app.log</c>, oldest first), and the lines the grammar could not read, each with its file, line and what was expected.
    /// </summary>
    /// <param name="path">The newest file of the rotation set.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<(Dictionary<string, int> FailedLogins, List<string> Errors)> FailedLoginsAsync(
        string path, CancellationToken cancellationToken = default)
    {
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        var options = new LogReaderOptions { IncludeRotated = true };
        await foreach (var record in LogReader.ReadAsync(path, AppLogGrammar.Line, options, cancellationToken))
        {
            if (record is { Value: { Message: "login failed", User: { } user } })
                failed[user] = failed.GetValueOrDefault(user) + 1;
            else if (record.Error is { } error)
                errors.Add($"{Path.GetFileName(record.Position.Source)}: {error.Message}");
        }
        return (failed, errors);
    }
}
