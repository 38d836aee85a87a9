using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using LogParsing.Reading;

namespace LogParsing.Journal;

/// <summary>
/// Runs <c>journalctl -o json</c> (following with <c>-f</c>, or once) as a child process and reads its standard output
/// through the one line pipeline. The process tree is killed and reaped on every way out: cancellation, early
/// <c>break</c>, an exception; journalctl's own failures become clear exceptions.
/// </summary>
internal static class Journalctl
{
    private const int MaxStandardError = 16 * 1024;
    private const int EnoEnt = 2;

    // How long to wait for a killed tree to be reaped and its stderr to close before giving up on them.
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The arguments for one run, in journalctl's order: output, options, then the matches.</summary>
    public static List<string> Arguments(JournalReaderOptions options, bool follow)
    {
        // --all: without it journalctl writes fields over 4 KiB as null, and a long message would be lost.
        var args = new List<string> { "-o", "json", "--no-pager", "--all" };
        var cursor = Cursor(options.ResumeFrom);
        if (follow)
        {
            args.Add("--follow");
            // -f alone shows the last 10 entries first; say exactly which old entries are wanted.
            args.Add(options.Since is not null || options.FollowFromStart || cursor is not null ? "--no-tail" : "--lines=0");
        }
        // One argument, so that nothing in the cursor can be read as an option.
        if (cursor is not null)
            args.Add("--after-cursor=" + cursor);
        // journalctl refuses --since beside --after-cursor ("Please specify only one of --since=, --cursor=,
        // --cursor-file=, and --after-cursor="): with a cursor, the start is applied here instead (RunAsync).
        if (options.Since is { } since && cursor is null)
            args.Add("--since=@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (!options.Matches.IsDefault)
            args.AddRange(options.Matches);
        return args;
    }

    /// <summary>The cursor to resume after, or null; a checkpoint in a file is refused, as a cursor is by a file read.</summary>
    private static string? Cursor(LogCheckpoint? checkpoint) =>
        checkpoint switch
        {
            null => null,
            { Cursor: { } cursor } => cursor,
            _ => throw new LogCheckpointException(checkpoint,
                $"The checkpoint is a place in the file '{checkpoint.Source}', not a journal cursor: it resumes a read of that file, not of the live journal."),
        };

    public static async IAsyncEnumerable<AuthLogEntry> RunAsync(
        JournalReaderOptions options, bool follow, LogFiles.ProcessorFactory<AuthLogEntry> factory,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var process = Start(options.JournalctlPath, Arguments(options, follow));
        // Drained alongside stdout: a child blocked writing a full stderr pipe would stop writing stdout too.
        var standardError = DrainAsync(process.StandardError);
        // A pipe read may not notice cancellation; killing the tree closes the pipe, which ends any read.
        var registration = cancellationToken.Register(static state => Kill((Process)state!), process);
        var exited = false;
        try
        {
            var pipe = PipeReader.Create(process.StandardOutput.BaseStream, new StreamPipeReaderOptions(leaveOpen: true));
            var start = SinceNotPassed(options);
            await foreach (var entry in LinePipeline.ReadAsync(pipe, factory(null, DateTimeOffset.Now), null, options.MaxLineLength, cancellationToken).ConfigureAwait(false))
            {
                if (start is { } from && entry.Timestamp < from) continue;
                yield return entry;
            }
            // Output ended because we killed it: that is cancellation, not journalctl failing.
            cancellationToken.ThrowIfCancellationRequested();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            exited = true;
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            if (!exited)
            {
                Kill(process);
                await WaitAsync(process.WaitForExitAsync(CancellationToken.None)).ConfigureAwait(false);
            }
            await WaitAsync(standardError).ConfigureAwait(false);
        }
        if (process.ExitCode != 0)
        {
            // Not complete only when something outside the tree still holds stderr: report without its text.
            var said = standardError.IsCompleted ? await standardError.ConfigureAwait(false) : string.Empty;
            throw Failure(options.JournalctlPath, process.ExitCode, said);
        }
    }

    /// <summary>The start journalctl was not told (it had a cursor), to the whole second as --since would have been.</summary>
    private static DateTimeOffset? SinceNotPassed(JournalReaderOptions options) =>
        options.Since is { } since && Cursor(options.ResumeFrom) is not null ? DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds()) : null;

    private static Process Start(string path, List<string> arguments)
    {
        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"journalctl ('{path}') did not start.");
        }
        catch (Win32Exception ex) when (ex.NativeErrorCode == EnoEnt)
        {
            var where = path.Contains('/', StringComparison.Ordinal) ? "does not exist" : "is not on PATH";
            throw new FileNotFoundException(
                $"journalctl was not found: '{path}' {where}. Install systemd's journalctl, or set JournalReaderOptions.JournalctlPath.",
                path, ex);
        }
    }

    private static Exception Failure(string path, int exitCode, string standardError)
    {
        var said = standardError.Trim();
        var failure = new JournalctlException(
            $"journalctl ('{path}') exited with code {exitCode}{(said.Length > 0 ? ": " + said : ".")}", exitCode, standardError);
        // journalctl's words when the user may not read the system journal (systemd journalctl.c access_check).
        var denied = said.Contains("insufficient permissions", StringComparison.OrdinalIgnoreCase)
            || said.Contains("not seeing messages from other users", StringComparison.OrdinalIgnoreCase)
            || said.Contains("permission denied", StringComparison.OrdinalIgnoreCase);
        if (!denied)
            return failure;
        return new UnauthorizedAccessException(
            "journalctl may not read the journal: the user must be in the 'systemd-journal' or 'adm' group (or be root), " +
            $"e.g. 'sudo usermod -aG systemd-journal $USER' and log in again. journalctl said: {said}",
            failure);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited, or exiting: nothing left to kill.
        }
    }

    /// <summary>Waits for a task that ends once the tree is gone, but not forever: a grandchild that escaped the tree may hold a pipe.</summary>
    private static async Task WaitAsync(Task task)
    {
        try
        {
            await task.WaitAsync(ReapTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Keeps the first <see cref="MaxStandardError"/> characters of stderr and discards the rest; never throws.</summary>
    private static async Task<string> DrainAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (kept.Length < MaxStandardError)
                    kept.Append(buffer, 0, Math.Min(read, MaxStandardError - kept.Length));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process was disposed under us: what was read so far is all there is.
        }
        return kept.ToString();
    }
}
