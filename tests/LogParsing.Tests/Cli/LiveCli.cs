using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>
/// A command that runs until stopped (<c>follow</c>, <c>detect --follow</c>), in process, with its output and errors
/// captured. <see cref="Started"/> waits for the follower's own "authlog: following" line, never for a sleep.
/// </summary>
internal sealed class LiveCli : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private readonly TextWriter _syncedOutput;
    private readonly TextWriter _syncedErrors;
    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly Task<int> _run;

    public LiveCli(params string[] args)
    {
        _syncedOutput = TextWriter.Synchronized(_output);
        _syncedErrors = TextWriter.Synchronized(_errors);
        _run = AuthLogCli.RunAsync(args, CliConsole.Plain(_syncedOutput, _syncedErrors), _cts.Token);
    }

    // SyncTextWriter locks on itself: the StringWriter is read under the same lock.
    public string Output { get { lock (_syncedOutput) return _output.ToString(); } }

    public string Errors { get { lock (_syncedErrors) return _errors.ToString(); } }

    /// <summary>Waits until the follower is in place: every line written from then on is read.</summary>
    public Task Started() => Until(() => Errors.Contains("authlog: following", StringComparison.Ordinal));

    /// <summary>Waits for <paramref name="condition"/>; fails after 20 s.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Ctrl-C: the exit code.</summary>
    public async Task<int> Stop()
    {
        await _cts.CancelAsync();
        return await _run;
    }

    public void Dispose() => _cts.Dispose();
}
