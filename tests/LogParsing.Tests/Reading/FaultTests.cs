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

    [Fact]
    public async Task A_file_truncated_while_being_read_ends_where_the_data_ends()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(200_000));
        var count = 0;
        await foreach (var e in AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct))
        {
            if (++count == 10)
                using (var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) f.SetLength(0);
            Assert.IsNotType<MalformedLine>(e.Event);
        }
        Assert.InRange(count, 10, 199_999);
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
