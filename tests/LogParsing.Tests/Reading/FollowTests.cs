using System.Threading.Channels;

namespace LogParsing.Tests.Reading;

/// <summary>tail -F semantics on real files: appends, rename rotation, copytruncate, a file that appears later.</summary>
public class FollowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Line(string user) => $"May 31 07:07:22 nimbus sshd[1]: Invalid user {user} from 192.0.2.1 port 1";

    /// <summary>Runs FollowAsync in the background and hands its users over a channel.</summary>
    private sealed class Follower : IAsyncDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        private readonly Channel<string?> _users = Channel.CreateUnbounded<string?>();
        private readonly Task _task;

        public Follower(string path, bool fromStart = false)
        {
            var options = Fixture.Utc() with { PollInterval = TimeSpan.FromMilliseconds(20), FollowFromStart = fromStart };
            _task = Task.Run(async () =>
            {
                try
                {
                    await foreach (var e in AuthLogReader.FollowAsync(path, options, _cts.Token))
                        await _users.Writer.WriteAsync(e.Event.User);
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

        public async Task<string?> Next()
        {
            using var timeout = new CancellationTokenSource(Wait);
            return await _users.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _cts.CancelAsync();
            await _task;
            _cts.Dispose();
        }
    }

    private static void Append(string path, string text) => File.AppendAllText(path, text);

    [Fact]
    public async Task Follow_yields_appended_lines_and_not_older_ones()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("old") + "\n");
        await using var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Append(path, Line("a") + "\n");
        Assert.Equal("a", await follower.Next());
        Append(path, Line("b") + "\n" + Line("c") + "\n");
        Assert.Equal("b", await follower.Next());
        Assert.Equal("c", await follower.Next());
    }

    [Fact]
    public async Task Follow_from_start_reads_existing_lines_first()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("old") + "\n");
        await using var follower = new Follower(path, fromStart: true);
        Assert.Equal("old", await follower.Next());
    }

    [Fact]
    public async Task A_half_written_line_waits_for_its_newline()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var line = Line("half");
        var cut = line.IndexOf("lf from", StringComparison.Ordinal);
        Append(path, line[..cut]);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Append(path, line[cut..] + "\n");
        Assert.Equal("half", await follower.Next());
    }

    [Fact]
    public async Task Follow_survives_rename_rotation()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Append(path, Line("before") + "\n");
        Assert.Equal("before", await follower.Next());

        File.Move(path, path + ".1");
        Append(path + ".1", Line("late") + "\n"); // written to the old file after the rename, before the logger reopens
        File.WriteAllText(path, Line("after") + "\n");
        Assert.Equal("late", await follower.Next());
        Assert.Equal("after", await follower.Next());
    }

    [Fact]
    public async Task Follow_survives_copytruncate()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Append(path, Line("one-long-name-to-make-the-file-longer") + "\n");
        Assert.Equal("one-long-name-to-make-the-file-longer", await follower.Next());

        File.Copy(path, path + ".1");
        using (var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) truncate.SetLength(0);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Append(path, Line("two") + "\n");
        Assert.Equal("two", await follower.Next());
    }

    [Fact]
    public async Task Follow_waits_for_a_file_that_does_not_exist_yet()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "auth.log");
        await using var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        File.WriteAllText(path, Line("first") + "\n");
        // The file did not exist when following began, so everything in it is new.
        Assert.Equal("first", await follower.Next());
    }

    [Fact]
    public async Task Cancelling_follow_closes_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("x") + "\n");
        var follower = new Follower(path);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        await follower.DisposeAsync();
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
    }
}
