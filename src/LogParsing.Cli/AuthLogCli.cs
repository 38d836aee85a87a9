using System.CommandLine;

namespace LogParsing.Cli;

/// <summary>
/// The <c>authlog</c> command line: commands, shared options, exit codes (0 ok, 1 I/O error or a fault, 2 invalid
/// arguments, 130 interrupted; <c>follow</c>, whose normal end is Ctrl-C, exits 0 then, as <c>journalctl -f</c> does).
/// Nothing prints a stack trace without <c>--verbose</c>.
/// </summary>
internal static class AuthLogCli
{
    public const int Ok = 0;
    public const int IoError = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    public const string DefaultAuthLog = "/var/log/auth.log";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("authlog: who knocks on your server, which names they try, who got in, whom fail2ban banned. Reads auth.log and fail2ban.log (plain or gzip) with LogParsing.")
        {
            SummaryCommand.Create(console),
            EventsCommand.Create(console),
            BansCommand.Create(console),
            SimulateCommand.Create(console),
            DetectCommand.Create(console),
            FollowCommand.Create(console),
        };
        var parse = root.Parse(args);
        // Our own handler below turns I/O faults into one line naming the file, not a stack trace.
        var configuration = new InvocationConfiguration { Output = console.RawOut, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await console.Error.WriteLineAsync($"authlog: {error.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("Try 'authlog --help'.").ConfigureAwait(false);
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await console.Error.WriteLineAsync($"authlog: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return args is ["follow", ..] ? Ok : Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"authlog: {ex.Message}").ConfigureAwait(false);
            if (args.Contains("--verbose")) await console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            return IoError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect of ours, not of the input: one line, the trace only on request.
            await console.Error.WriteLineAsync($"authlog: internal error: {ex.Message} (run with --verbose for details)").ConfigureAwait(false);
            if (args.Contains("--verbose")) await console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            return IoError;
        }
    }
}

/// <summary>An argument that parsed but makes no sense (a bad time zone, a bad date): exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
