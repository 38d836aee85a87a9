using System.Threading.Channels;

namespace LogParsing.Tests.Reading;

/// <summary>
/// Runs <see cref="AuthLogReader.FollowAsync"/> in the background and hands over the users it yields. Tests wait for
/// the follower's own signal that it has opened and positioned on the file (<see cref="LogReaderOptions.Progress"/>),
/// never for a sleep, so that they cannot flake on a loaded machine.
/// </summary>
internal sealed class Follower : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly Channel<string?> _users = Channel.CreateUnbounded<string?>();
    private readonly Channel<LogReadProgress> _positioned = Channel.CreateUnbounded<LogReadProgress>();
    private readonly Task _task;

    public static string Line(string user) => $"May 31 07:07:22 nimbus sshd[1]: Invalid user {user} from 192.0.2.1 port 1";

    public Follower(string path, bool fromStart = false)
    {
        var options = Fixture.Utc() with
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            FollowFromStart = fromStart,
            Progress = new Reporter(p => _positioned.Writer.TryWrite(p)),
        };
        _task = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in AuthLogReader.FollowAsync(path, options, _cts.Token))
                {
                    Assert.False(e.Unterminated, "a follower never yields a line before its newline");
                    Assert.IsNotType<MalformedLine>(e.Event);
                    await _users.Writer.WriteAsync(e.Event.User);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _users.Writer.TryComplete();
            }
        });
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, which posts to a context and could report late.</summary>
    private sealed class Reporter(Action<LogReadProgress> report) : IProgress<LogReadProgress>
    {
        public void Report(LogReadProgress value) => report(value);
    }

    /// <summary>Waits until the follower has opened the file (or its next generation) and positioned on it.</summary>
    public async Task<LogReadProgress> Positioned()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        return await _positioned.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next user yielded; fails after 20 s.</summary>
    public async Task<string?> Next()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        return await _users.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when something is yielded within <paramref name="within"/> (for checks that nothing is).</summary>
    public async Task<bool> Yields(TimeSpan within)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        try
        {
            return await _users.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _task;
        _cts.Dispose();
    }
}
