using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>I/O faults: each has a test and the behaviour docs/reliability.md describes.</summary>
public class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Lines(int count, int from = 0) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"May 31 07:07:22 nimbus sshd[{i}]: Invalid user u{i} from 192.0.2.1 port {1000 + i}\n"));

    private static byte[] Gzip(string text)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_whole_gzip_file_read_many_times_always_ends_without_a_fault()
    {
        // The end of a file's bytes asks the file whether it shrank; the decompressing thread used to close it as soon as
        // it was done, and now and then that question found it closed (ObjectDisposedException, seen in a benchmark run).
        using var dir = new TempDir();
        var path = dir.Gzip("auth.log.2.gz", Lines(50));
        var reports = 0;
        var options = Fixture.Utc() with { Progress = new Progress(() => Interlocked.Increment(ref reports)) };
        for (var round = 0; round < 300; round++)
        {
            var n = 0;
            await foreach (var e in AuthLogReader.ReadAsync(path, round % 2 == 0 ? options : Fixture.Utc(), Ct)) n++;
            Assert.Equal(50, n);
        }
        Assert.True(reports > 0);
    }

    private sealed class Progress(Action report) : IProgress<LogReadProgress>
    {
        public void Report(LogReadProgress value) => report();
    }

    [Fact]
    public async Task A_truncated_gzip_yields_every_complete_line_then_an_error_naming_file_and_offset()
    {
        using var dir = new TempDir();
        var whole = Gzip(Lines(5000));
        var path = Path.Combine(dir.Path, "auth.log.2.gz");
        await File.WriteAllBytesAsync(path, whole.AsSpan(0, whole.Length * 2 / 3).ToArray(), Ct);

        var seen = new List<AuthLogEntry>();
        var ex = await Assert.ThrowsAsync<LogReadException>(async () =>
        {
            await foreach (var e in AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct)) seen.Add(e);
        });
        Assert.Equal(path, ex.Source);
        Assert.Contains(path, ex.Message);
        Assert.Contains("truncated", ex.Message);
        Assert.True(ex.ByteOffset > 0);
        Assert.InRange(seen.Count, 1000, 4999);
        // Every entry is a whole line, in order.
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => $"u{i}"), seen.Select(e => e.Event.User));
    }

    [Fact]
    public async Task A_corrupt_gzip_is_an_error_naming_the_file_not_a_crash()
    {
        // Found by the fuzzer: gzip's magic bytes, then a compression method that is not deflate.
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "auth.log.2.gz");
        await File.WriteAllBytesAsync(path, [0x1f, 0x8b, (byte)'y', (byte)' ', (byte)'3', (byte)'1', .. Encoding.UTF8.GetBytes(Lines(3))], Ct);
        var ex = await Assert.ThrowsAsync<LogReadException>(() => Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct)));
        Assert.Equal(path, ex.Source);
        Assert.IsType<InvalidDataException>(ex.InnerException);
    }

    [Fact]
    public async Task A_gzip_file_of_several_members_reads_all_of_them()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "auth.log.3.gz");
        await File.WriteAllBytesAsync(path, [.. Gzip(Lines(100)), .. Gzip(Lines(50, from: 100))], Ct);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct));
        Assert.Equal(150, entries.Count);
        Assert.Equal("u149", entries[^1].Event.User);
    }

    [Fact]
    public async Task A_complete_gzip_stream_reads_without_error()
    {
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(Gzip(Lines(1000))), Fixture.Utc(), Ct));
        Assert.Equal(1000, entries.Count);
    }

    [Fact]
    public async Task A_truncated_gzip_stream_is_reported_too()
    {
        var whole = Gzip(Lines(2000));
        await Assert.ThrowsAsync<LogReadException>(() => Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(whole[..(whole.Length / 2)]), Fixture.Utc(), Ct)));
    }

    [Fact]
    public async Task A_file_deleted_while_being_read_is_read_to_its_end()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(3000));
        var count = 0;
        await foreach (var _ in AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct))
        {
            if (++count == 10) File.Delete(path); // the open handle keeps the data (POSIX unlink)
        }
        Assert.Equal(3000, count);
    }

    // Changed on purpose (issue 15, defect 2): a file cut under the reader used to end the read quietly, its last bytes
    // yielded as a line with a wrong field; now the cut is a fault, reported after the complete lines read before it.
    [Theory]
    [InlineData(0)]          // emptied: shorter than what was already read
    [InlineData(100_001)]    // cut inside a line, past what was read: the read ends early, inside that line
    public async Task A_file_truncated_while_being_read_is_a_fault_after_every_complete_line(int cutAt)
    {
        using var dir = new TempDir();
        var text = Lines(200_000);
        var path = dir.File("auth.log", text);
        var seen = new List<AuthLogEntry>();
        var ex = await Assert.ThrowsAsync<LogReadException>(async () =>
        {
            await foreach (var e in AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct))
            {
                seen.Add(e);
                if (seen.Count == 10)
                    using (var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) f.SetLength(cutAt);
            }
        });
        Assert.Equal(path, ex.Source);
        Assert.Contains(path, ex.Message);
        Assert.Contains("shrank", ex.Message);
        // Every entry is a whole line of the file as it was, in order, and the error's offset is where the last one ended.
        var raw = text.Split('\n');
        for (var i = 0; i < seen.Count; i++)
        {
            Assert.Equal(i + 1, seen[i].Position.Line);
            Assert.Equal($"u{i}", seen[i].Event.User);
            Assert.False(seen[i].Unterminated);
        }
        var last = seen[^1];
        Assert.Equal(last.Position.ByteOffset + Encoding.UTF8.GetByteCount(raw[seen.Count - 1]) + 1, ex.ByteOffset);
        Assert.InRange(seen.Count, 10, 199_999);
    }

    [Fact]
    public async Task A_final_line_without_newline_is_read_and_flagged_unterminated()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(3).TrimEnd('\n'));
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct));
        Assert.Equal(["u0", "u1", "u2"], entries.Select(e => e.Event.User));
        Assert.Equal([false, false, true], entries.Select(e => e.Unterminated));
    }

    [Fact]
    public async Task Line_offsets_are_the_bytes_before_each_line()
    {
        using var dir = new TempDir();
        var text = "May 31 07:07:22 nimbus sshd[1]: Invalid user é from 192.0.2.1 port 1\r\n\nMay 31 07:07:23 nimbus CRON[2]: x\n";
        var path = dir.File("auth.log", text);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct));
        Assert.Equal([0L, Encoding.UTF8.GetByteCount(text[..(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)])], entries.Select(e => e.Position.ByteOffset));
        Assert.Equal([1L, 3L], entries.Select(e => e.Position.Line));
    }

    [Fact]
    public async Task A_rotation_set_with_gaps_reads_what_exists_oldest_first()
    {
        using var dir = new TempDir();
        var newest = dir.File("auth.log", Lines(1, from: 3));
        dir.File("auth.log.1", Lines(1, from: 2));
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "auth.log.3.gz"), Gzip(Lines(1, from: 0)), Ct);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(newest, Fixture.Utc() with { IncludeRotated = true }, Ct));
        Assert.Equal(["u0", "u2", "u3"], entries.Select(e => e.Event.User));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Permission_denied_is_one_line_naming_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(1));
        File.SetUnixFileMode(path, UnixFileMode.None);
        if (Environment.UserName != "root")
        {
            var ex = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Fixture.ToListAsync(AuthLogReader.ReadAsync(path, null, Ct)));
            Assert.Contains(path, ex.Message);
            return;
        }
        // Root reads anything: drop to nobody for the real tool, as a person without the adm group would run it.
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "authlog.dll"), "summary", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_CLI_HOME"] = dir.Path, ["HOME"] = dir.Path },
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains(path, error);
        Assert.Contains("denied", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
