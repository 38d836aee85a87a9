using System.Runtime.CompilerServices;

namespace LogParsing.Cli;

/// <summary>Turns path arguments into entries: files (plain or gzip), <c>-</c> for standard input, or the default auth.log with its rotation set.</summary>
internal static class Inputs
{
    public static IReadOnlyList<string> Resolve(string[]? paths, string defaultPath)
    {
        if (paths is { Length: > 0 }) return [.. paths.SelectMany(Expand)];
        if (File.Exists(defaultPath)) return [defaultPath];
        throw new FileNotFoundException($"{defaultPath} does not exist here. Give log files as arguments (authlog summary /path/to/auth.log), or '-' to read standard input.", defaultPath);
    }

    /// <summary>Where auth entries come from: files, or the systemd journal through journalctl.</summary>
    /// <param name="Files">The files (empty for the journal).</param>
    /// <param name="Journal">True to read the journal.</param>
    /// <param name="IsDefault">True when no path was given and the default log (with its rotation set) is read.</param>
    public sealed record AuthSource(IReadOnlyList<string> Files, bool Journal, bool IsDefault)
    {
        /// <summary>What a heading names: the files, or the journal.</summary>
        public IReadOnlyList<string> Names => Journal ? ["the systemd journal"] : Files;
    }

    /// <summary>
    /// The journal when asked (<c>--journal</c>); the given paths; else the default auth.log, or, where it does not exist
    /// (Debian 12+ without rsyslog), the journal, saying so on standard error.
    /// </summary>
    public static AuthSource ResolveAuth(string[]? paths, bool journal, string journalctl, string defaultPath, TextWriter error)
    {
        if (journal) return new AuthSource([], true, false);
        if (paths is { Length: > 0 } || File.Exists(defaultPath)) return new AuthSource(Resolve(paths, defaultPath), false, paths is not { Length: > 0 });
        if (FindProgram(journalctl) is not null)
        {
            error.WriteLine($"authlog: {defaultPath} does not exist here; reading the systemd journal instead (journalctl).");
            return new AuthSource([], true, false);
        }
        return new AuthSource(Resolve(paths, defaultPath), false, true);
    }

    /// <summary>
    /// The entries of the source. <paramref name="since"/> (--since) is passed to journalctl, so that a journal read skips
    /// the months before it instead of parsing them to throw them away; the command's filter still applies it exactly.
    /// </summary>
    public static IAsyncEnumerable<AuthLogEntry> ReadAuthAsync(AuthSource source, AuthLogReaderOptions options, string journalctl, DateTimeOffset? since, CancellationToken cancellationToken) =>
        source.Journal
            ? JournalReader.ReadAsync(JournalOptions(options, journalctl) with { Since = since }, cancellationToken)
            : ReadAsync(source.Files, source.IsDefault, options, cancellationToken);

    /// <summary>The journal's options for the same command line: year and zone of text stamps, grammars, start (or the cursor to resume after), and which journalctl.</summary>
    public static JournalReaderOptions JournalOptions(AuthLogReaderOptions options, string journalctl) => new()
    {
        Year = options.Year, TimeZone = options.TimeZone, MaxLineLength = options.MaxLineLength,
        FollowFromStart = options.FollowFromStart, Parser = options.Parser, JournalctlPath = journalctl,
        ResumeFrom = options.ResumeFrom, KeepOriginal = options.KeepOriginal,
    };

    /// <summary>A program's path: as given when it has a directory, else the first match on PATH; null when there is none.</summary>
    public static string? FindProgram(string name)
    {
        if (name.Contains('/')) return File.Exists(name) ? name : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The path argument of the reading commands.</summary>
    public static System.CommandLine.Argument<string[]> PathsArgument()
    {
        var paths = new System.CommandLine.Argument<string[]>("paths")
        {
            Description = "Log files (plain or gzip) or directories; '-' reads standard input. Default: /var/log/auth.log and its rotated files.",
            Arity = System.CommandLine.ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(RejectUnknownOptions);
        return paths;
    }

    /// <summary>True for a fail2ban log, told by its name (<c>fail2ban.log</c>, <c>fail2ban.log.2.gz</c>).</summary>
    public static bool IsFail2BanLog(string path) => Path.GetFileName(path).Contains("fail2ban", StringComparison.OrdinalIgnoreCase);

    /// <summary>A directory stands for the log files in it (not recursive), in name order; anything else for itself.</summary>
    private static IEnumerable<string> Expand(string path) =>
        path != "-" && Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : [path];

    /// <summary>A validator for path arguments: a token starting with <c>--</c> is an unknown option, not a file.</summary>
    public static void RejectUnknownOptions(System.CommandLine.Parsing.ArgumentResult result)
    {
        foreach (var token in result.Tokens)
            if (token.Value.StartsWith("--", StringComparison.Ordinal)) result.AddError($"unknown option '{token.Value}'.");
    }

    public static IAsyncEnumerable<Fail2BanEntry> ReadFail2BanAsync(
        IReadOnlyList<string> paths, bool isDefault, LogReaderOptions options, CancellationToken cancellationToken) =>
        ReadEachAsync(paths, options, options with { IncludeRotated = isDefault }, Fail2BanLogReader.ReadAsync, Fail2BanLogReader.ReadAsync, cancellationToken);

    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(
        IReadOnlyList<string> paths, bool isDefault, AuthLogReaderOptions options, CancellationToken cancellationToken) =>
        ReadEachAsync(paths, options, options with { IncludeRotated = isDefault }, AuthLogReader.ReadAsync, AuthLogReader.ReadAsync, cancellationToken);

    /// <summary>Each path in turn, <c>-</c> meaning standard input.</summary>
    /// <remarks>A file is read with <paramref name="fileOptions"/> (the rotation set too when no path was given), standard input with <paramref name="options"/>.</remarks>
    private static async IAsyncEnumerable<T> ReadEachAsync<T, TOptions>(
        IReadOnlyList<string> paths, TOptions options, TOptions fileOptions,
        Func<string, TOptions?, CancellationToken, IAsyncEnumerable<T>> file, Func<Stream, TOptions?, CancellationToken, IAsyncEnumerable<T>> stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TOptions : LogReaderOptions
    {
        foreach (var path in paths)
        {
            var source = path == "-" ? stream(Console.OpenStandardInput(), options, cancellationToken) : file(path, fileOptions, cancellationToken);
            await foreach (var entry in source.WithCancellation(cancellationToken).ConfigureAwait(false))
                yield return entry;
        }
    }
}
