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

    // The three that say where a line is in a stream (a stream read names no source, so positions are compared without it).
    private static IEnumerable<(long Line, long ByteOffset, string? User)> Places(IEnumerable<AuthLogEntry> entries) =>
        entries.Select(e => (e.Position.Line, e.Position.ByteOffset, e.Event.User));

    [Fact]
    public async Task A_stream_of_the_checkpoints_file_resumes_after_its_line_seekable_or_not_plain_or_gzip()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 5000));
        var whole = await Read(path, null);
        var checkpoint = LogCheckpoint.After(whole[3999])!;
        var options = Fixture.Utc() with { ResumeFrom = checkpoint };
        var expected = Places(whole.Skip(4000)).ToList();

        // The file opened by the caller: seekable, so the read seeks to the line instead of reading what is before it.
        await using (var file = new CountingStream(File.OpenRead(path), seekable: true))
        {
            Assert.Equal(expected, Places(await Fixture.ToListAsync(AuthLogReader.ReadAsync(file, options, Ct))));
            Assert.True(file.BytesRead < file.Length / 2, $"{file.BytesRead} of {file.Length} bytes read: the stream was not sought");
        }
        // The same bytes through a pipe (ssh host cat auth.log): read and discarded up to the line.
        await using (var pipe = new CountingStream(File.OpenRead(path), seekable: false))
            Assert.Equal(expected, Places(await Fixture.ToListAsync(AuthLogReader.ReadAsync(pipe, options, Ct))));
        // Compressed since (logrotate): the fingerprint and the offset are of the content, as for a gzip file.
        var gzipped = new MemoryStream();
        await using (var gz = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(await File.ReadAllBytesAsync(path, Ct));
        gzipped.Position = 0;
        Assert.Equal(expected, Places(await Fixture.ToListAsync(AuthLogReader.ReadAsync(gzipped, options, Ct))));
        // In parallel too, where the chunks start after the line.
        await using (var file = File.OpenRead(path))
            Assert.Equal(expected, Places(await Fixture.ToListAsync(AuthLogReader.ReadAsync(file, options with { MaxDegreeOfParallelism = 2, ChunkLines = 7 }, Ct))));
    }

    [Fact]
    public async Task A_stream_that_is_not_the_checkpoints_file_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Lines(0, 10));
        var checkpoint = LogCheckpoint.After((await Read(path, null))[4])!;
        var options = Fixture.Utc() with { ResumeFrom = checkpoint };

        // Another file's bytes (the log rewritten since), and a stream shorter than the bytes the fingerprint hashed.
        foreach (var other in new[] { Lines(500, 10), Lines(0, 10)[..40] })
        {
            foreach (var seekable in new[] { true, false })
            {
                await using var stream = new CountingStream(new MemoryStream(Encoding.UTF8.GetBytes(other)), seekable);
                var ex = await Assert.ThrowsAsync<LogCheckpointException>(() => Fixture.ToListAsync(AuthLogReader.ReadAsync(stream, options, Ct)));
                Assert.Same(checkpoint, ex.Checkpoint);
                Assert.Contains("stream", ex.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_journal_cursor_or_a_checkpoint_without_fingerprint_given_to_a_stream_read_is_refused_by_every_reader()
    {
        // A cursor of journalctl -o json's form (__CURSOR), and a checkpoint built by hand with no fingerprint.
        LogCheckpoint[] refused =
        [
            LogCheckpoint.InJournal("s=24c055933f2e45c49cf0aadba66cdcf2;i=1a2b0;b=4858c57df1f94435991074f86e963e07;m=9c14b618;t=61c5913062e1b;x=f8809a5ca4dda3ab"),
            new LogCheckpoint { Source = "/var/log/auth.log", ByteOffset = 1024, Line = 10 },
        ];
        foreach (var checkpoint in refused)
        {
            MemoryStream Stream(string fixture) => new(File.ReadAllBytes(Fixture.Path(fixture)));
            var auth = await Assert.ThrowsAsync<LogCheckpointException>(() => Fixture.ToListAsync(AuthLogReader.ReadAsync(Stream("seed-auth.log"), new AuthLogReaderOptions { ResumeFrom = checkpoint }, Ct)));
            await Assert.ThrowsAsync<LogCheckpointException>(() => Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(Stream("seed-fail2ban.log"), new LogReaderOptions { ResumeFrom = checkpoint }, Ct)));
            await Assert.ThrowsAsync<LogCheckpointException>(() => Fixture.ToListAsync(JournalReader.ReadAsync(Stream("journal.json"), new JournalReaderOptions { ResumeFrom = checkpoint }, Ct)));
            Assert.Same(checkpoint, auth.Checkpoint);
            if (checkpoint.IsJournal) Assert.Contains("is a journal cursor, not a place in a file", auth.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fail2ban_and_journal_streams_resume_after_the_checkpoint_too()
    {
        // fail2ban-mixed.log (fail2ban's own forms, a CRITICAL traceback folded into its record) and journalctl -o json output.
        var fail2ban = Fixture.Path("fail2ban-mixed.log");
        var records = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(fail2ban, new LogReaderOptions { TimeZone = TimeZoneInfo.Utc }, Ct));
        var traceback = records.FindIndex(e => e.ContinuationLines > 0);
        var options = new LogReaderOptions { TimeZone = TimeZoneInfo.Utc, ResumeFrom = LogCheckpoint.After(records[traceback]) };
        await using (var stream = new CountingStream(File.OpenRead(fail2ban), seekable: false))
        {
            var rest = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(stream, options, Ct));
            Assert.Equal(records.Skip(traceback + 1).Select(e => (e.Position.Line, e.Message)), rest.Select(e => (e.Position.Line, e.Message)));
        }

        var json = Fixture.Path("journal.json");
        var entries = await Fixture.ToListAsync(JournalReader.ReadAsync(json, new JournalReaderOptions(), Ct));
        await using (var stream = File.OpenRead(json))
        {
            var rest = await Fixture.ToListAsync(JournalReader.ReadAsync(stream, new JournalReaderOptions { ResumeFrom = LogCheckpoint.After(entries[9]) }, Ct));
            Assert.Equal(entries.Skip(10).Select(e => e.Position.Cursor), rest.Select(e => e.Position.Cursor));
        }
    }

    /// <summary>Counts the bytes read through it; not seekable when asked, as a pipe or a socket is not.</summary>
    private sealed class CountingStream(Stream inner, bool seekable) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        private int Count(int n)
        {
            BytesRead += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? inner.Length : throw new NotSupportedException();
        public override long Position
        {
            get => seekable ? inner.Position : throw new NotSupportedException();
            set => inner.Position = seekable ? value : throw new NotSupportedException();
        }
        public override long Seek(long offset, SeekOrigin origin) => seekable ? inner.Seek(offset, origin) : throw new NotSupportedException();
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
