using System.IO.Compression;
using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>
/// Resuming from a <see cref="LogCheckpoint"/>: after the line handled last, in the file whose first bytes match, across
/// rotation (renamed, compressed), never repeating or losing a line; a checkpoint that names no file is refused.
/// </summary>
public class ResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Lines(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"May 31 07:{i / 60 % 60:00}:{i % 60:00} nimbus sshd[{i}]: Invalid user u{i} from 192.0.2.1 port {1000 + i}\n"));

    private static Task<List<AuthLogEntry>> Read(string path, LogCheckpoint? resume, bool rotated = false) =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc() with { ResumeFrom = resume, IncludeRotated = rotated }, Ct));

    [Fact]
    public async Task A_read_resumed_after_a_line_yields_exactly_the_lines_after_it()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 5000));
        var whole = await Read(path, null);
        var checkpoint = LogCheckpoint.After(whole[1233])!;
        var rest = await Read(path, checkpoint);
        Assert.Equal(whole.Skip(1234).Select(e => (e.Position, e.Event.User)), rest.Select(e => (e.Position, e.Event.User)));
        Assert.Equal(path, checkpoint.Source);
        Assert.StartsWith("256:", checkpoint.Fingerprint);
    }

    [Fact]
    public async Task A_checkpoint_saved_with_the_earlier_sha256_fingerprint_still_resumes_in_its_file()
    {
        // State files written before the XxHash128 fingerprint hold "N:" and the first half of SHA-256 of the first N bytes.
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 50));
        var whole = await Read(path, null);
        var head = File.ReadAllBytes(path)[..256];
        var legacy = "256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(head)[..16]);
        var saved = whole[19].Position;

        var rest = await Read(path, LogCheckpoint.InFile(path, legacy, saved.ByteOffset, saved.Line));

        Assert.StartsWith("256:xxh128:", whole[0].Position.Fingerprint);
        Assert.Equal(whole.Skip(20).Select(e => e.Position), rest.Select(e => e.Position));
    }

    [Fact]
    public async Task A_read_resumed_after_the_last_line_yields_what_was_appended_since()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 3));
        var first = await Read(path, null);
        File.AppendAllText(path, Lines(3, 2));
        var rest = await Read(path, LogCheckpoint.After(first[^1]));
        Assert.Equal(["u3", "u4"], rest.Select(e => e.Event.User));
        Assert.Equal([4L, 5L], rest.Select(e => e.Position.Line));
    }

    [Fact]
    public async Task A_short_file_still_matches_its_checkpoint_once_it_has_grown()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 1));
        var first = await Read(path, null);
        Assert.StartsWith($"{Encoding.UTF8.GetByteCount(Lines(0, 1))}:", first[0].Position.Fingerprint);
        File.AppendAllText(path, Lines(1, 10));
        Assert.Equal(10, (await Read(path, LogCheckpoint.After(first[0]))).Count);
    }

    [Fact]
    public async Task A_checkpoint_in_a_file_rotated_since_resumes_there_then_reads_the_newer_files()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 100));
        var checkpoint = LogCheckpoint.After((await Read(path, null))[59])!;
        File.AppendAllText(path, Lines(100, 20));
        // logrotate: auth.log -> auth.log.1, compressed on the next round (delaycompress) to auth.log.2.gz, a new auth.log.
        File.Move(path, path + ".1");
        File.WriteAllText(path, Lines(120, 30));
        var rest = await Read(path, checkpoint);
        Assert.Equal(Enumerable.Range(60, 90).Select(i => $"u{i}"), rest.Select(e => e.Event.User));

        await using (var gz = new GZipStream(File.Create(path + ".2.gz"), CompressionLevel.Fastest))
            gz.Write(await File.ReadAllBytesAsync(path + ".1", Ct));
        File.Delete(path + ".1");
        File.Move(path, path + ".1");
        File.WriteAllText(path, Lines(150, 5));
        var again = await Read(path, checkpoint);
        Assert.Equal(Enumerable.Range(60, 95).Select(i => $"u{i}"), again.Select(e => e.Event.User));
        Assert.Equal(61, again[0].Position.Line);
        Assert.Equal(path + ".2.gz", again[0].Position.Source);
    }

    [Fact]
    public async Task A_checkpoint_that_no_file_matches_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 10));
        var checkpoint = LogCheckpoint.After((await Read(path, null))[4])!;
        File.WriteAllText(path, Lines(500, 10)); // rewritten: other first bytes, and no rotated file keeps the old ones
        var ex = await Assert.ThrowsAsync<LogCheckpointException>(() => Read(path, checkpoint));
        Assert.Same(checkpoint, ex.Checkpoint);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public async Task A_follow_resumed_yields_the_lines_after_the_checkpoint_then_new_ones()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 10));
        var checkpoint = LogCheckpoint.After((await Read(path, null))[6])!;
        File.AppendAllText(path, Lines(10, 2)); // written while nobody followed
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var seen = new List<string?>();
        var options = Fixture.Utc() with { ResumeFrom = checkpoint, PollInterval = TimeSpan.FromMilliseconds(20) };
        try
        {
            await foreach (var e in AuthLogReader.FollowAsync(path, options, cts.Token))
            {
                seen.Add(e.Event.User);
                if (seen.Count == 5) File.AppendAllText(path, Lines(12, 3));
                if (seen.Count == 8) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Equal(Enumerable.Range(7, 8).Select(i => $"u{i}"), seen);
    }

    [Fact]
    public async Task A_follow_resumed_from_a_file_rotated_meanwhile_reads_its_rest_then_follows_the_new_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 10));
        var checkpoint = LogCheckpoint.After((await Read(path, null))[7])!;
        File.AppendAllText(path, Lines(10, 2));
        File.Move(path, path + ".1");
        File.WriteAllText(path, Lines(12, 2));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var seen = new List<string?>();
        await foreach (var e in AuthLogReader.FollowAsync(path, Fixture.Utc() with { ResumeFrom = checkpoint, PollInterval = TimeSpan.FromMilliseconds(20) }, cts.Token))
        {
            seen.Add(e.Event.User);
            if (seen.Count == 6) break;
        }
        Assert.Equal(Enumerable.Range(8, 6).Select(i => $"u{i}"), seen);
    }
}
