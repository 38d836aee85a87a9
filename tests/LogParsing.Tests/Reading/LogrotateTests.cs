using System.Diagnostics;

namespace LogParsing.Tests.Reading;

/// <summary>
/// Follow under the real logrotate (Debian package <c>logrotate</c>, installed by <c>.ci/run</c>): every line written
/// before and after a rotation is yielded once, in order, for the ways logrotate rotates. Lines a logger writes between
/// copytruncate's copy and its truncation are lost by copytruncate itself (logrotate(8)); the writer here pauses
/// while logrotate runs, as that loss is not the follower's.
/// </summary>
public class LogrotateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Logrotate() =>
        new[] { "/usr/sbin/logrotate", "/sbin/logrotate", "/usr/bin/logrotate" }.FirstOrDefault(File.Exists);

    private static void Rotate(TempDir dir, string path, string directives)
    {
        var tool = Logrotate();
        if (tool is null)
        {
            // CI installs logrotate: there a missing one is a failure, not a skip.
            Assert.True(Environment.GetEnvironmentVariable("LOGPARSING_CI") is null, "logrotate is not installed");
            Assert.Skip("logrotate is not installed (apt-get install logrotate)");
        }
        var conf = dir.File("logrotate.conf", $"{path} {{\n  rotate 5\n  missingok\n{directives}\n}}\n");
        var state = Path.Combine(dir.Path, "logrotate.state");
        using var process = Process.Start(new ProcessStartInfo(tool, ["-f", "-s", state, conf]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"logrotate failed: {error}");
    }

    private static void Write(string path, int from, int count)
    {
        // A logger that opens the path for each write, as rsyslog does after its HUP: it writes to whatever the path names.
        using var f = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        for (var i = from; i < from + count; i++)
            f.Write(System.Text.Encoding.UTF8.GetBytes(Follower.Line($"u{i}") + "\n"));
    }

    [Theory]
    [InlineData("rename and create", "  create", false)]
    [InlineData("create with compress and delaycompress", "  create\n  compress\n  delaycompress", false)]
    [InlineData("copytruncate, written at once after", "  copytruncate", false)]
    [InlineData("copytruncate, written after a pause", "  copytruncate", true)]
    public async Task Follow_yields_every_line_across_a_real_logrotate(string way, string directives, bool pause)
    {
        _ = way;
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();

        var next = 0;
        for (var rotation = 0; rotation < 3; rotation++)
        {
            Write(path, next, 100);
            for (var i = next; i < next + 100; i++) Assert.Equal($"u{i}", await follower.Next());
            next += 100;
            // Written just before the rotation: a renamed file is read to its end, so these are yielded after it; a file
            // cut in place keeps only what was read before the cut (the rest is in the copy), so they are read first.
            Write(path, next, 50);
            next += 50;
            var copytruncate = directives.Contains("copytruncate", StringComparison.Ordinal);
            if (copytruncate)
                for (var i = next - 50; i < next; i++) Assert.Equal($"u{i}", await follower.Next());
            Rotate(dir, path, directives);
            if (pause) await follower.Positioned();
            Write(path, next, 150);
            next += 150;
            for (var i = next - (copytruncate ? 150 : 200); i < next; i++) Assert.Equal($"u{i}", await follower.Next());
        }
        Assert.False(await follower.Yields(TimeSpan.FromMilliseconds(200)), "nothing is yielded twice");
    }
}
