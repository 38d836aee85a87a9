using System.Globalization;
using System.IO.Compression;
using System.Text;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Reading;

public class ReadingTests
{
    private const string Line1 = "May 31 07:07:22 nimbus sshd[1]: Invalid user a from 192.0.2.1 port 1";
    private const string Line2 = "May 31 07:07:23 nimbus sshd[2]: Invalid user b from 192.0.2.2 port 2";
    private const string Line3 = "May 31 07:07:24 nimbus sshd[3]: Invalid user c from 192.0.2.3 port 3";
    private const string Line4 = "May 31 07:07:25 nimbus sshd[4]: Invalid user d from 192.0.2.4 port 4";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<AuthLogEntry>> Read(string path, bool rotated = false) =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc() with { IncludeRotated = rotated }, Ct));

    private static Task<List<AuthLogEntry>> Read(byte[] bytes, AuthLogReaderOptions? options = null) =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(bytes), options ?? Fixture.Utc(), Ct));

    private static string? User(AuthLogEntry e) => e.Event.User;

    [Fact]
    public async Task Rotation_set_of_plain_and_gzip_files_reads_oldest_first_with_sources()
    {
        using var dir = new TempDir();
        var newest = dir.File("auth.log", Line4 + "\n");
        var one = dir.File("auth.log.1", Line3 + "\n");
        var two = dir.Gzip("auth.log.2.gz", Line2 + "\n");
        var three = dir.Gzip("auth.log.3.gz", Line1 + "\n");
        dir.File("auth.log.bak", "not part of the set\n");

        var entries = await Read(newest, rotated: true);

        Assert.Equal(["a", "b", "c", "d"], entries.Select(User));
        Assert.Equal([three, two, one, newest], entries.Select(e => e.Position.Source));
        Assert.All(entries, e => Assert.Equal(1, e.Position.Line));
    }

    [Fact]
    public async Task Without_include_rotated_only_the_file_is_read()
    {
        using var dir = new TempDir();
        var newest = dir.File("auth.log", Line4 + "\n");
        dir.File("auth.log.1", Line3 + "\n");
        Assert.Equal(["d"], (await Read(newest)).Select(User));
    }

    [Fact]
    public async Task Dateext_rotation_reads_by_date()
    {
        using var dir = new TempDir();
        var secure = dir.File("secure", Line3 + "\n");
        dir.Gzip("secure-20240101.gz", Line1 + "\n");
        dir.File("secure-20240108", Line2 + "\n");
        Assert.Equal(["a", "b", "c"], (await Read(secure, rotated: true)).Select(User));
    }

    [Fact]
    public async Task A_gzip_file_named_without_gz_is_decompressed()
    {
        using var dir = new TempDir();
        var path = dir.Gzip("auth.log", Line1 + "\n" + Line2 + "\n");
        var entries = await Read(path);
        Assert.Equal(["a", "b"], entries.Select(User));
        Assert.Equal([1L, 2L], entries.Select(e => e.Position.Line));
    }

    [Fact]
    public async Task A_gzip_file_split_in_many_batches_reads_as_the_same_plain_file_does()
    {
        // Megabytes decompressed at once are split a batch at a time: lines across the batches' edges, lines longer than
        // MaxLineLength (cut), CRLF and a last line without a newline must come out as the plain file's do.
        var random = new Random(16);
        var text = new StringBuilder();
        for (var i = 0; text.Length < 3_000_000; i++)
        {
            var user = new string('u', random.Next(1, i % 97 == 0 ? 3000 : 60));
            text.Append(CultureInfo.InvariantCulture, $"May 31 07:07:22 nimbus sshd[{i}]: Invalid user {user} from 192.0.2.{i % 250} port {i}");
            text.Append(i % 13 == 0 ? "\r\n" : "\n");
        }
        text.Append("May 31 07:07:22 nimbus sshd[1]: Connection closed by 192.0.2.9 port 1 [preauth]");
        using var dir = new TempDir();
        var plain = dir.File("plain.log", text.ToString());
        var gzip = dir.Gzip("gzip.log", text.ToString());
        var options = Fixture.Utc() with { MaxLineLength = 1000, MaxDegreeOfParallelism = 1 };

        var expected = await Fixture.ToListAsync(AuthLogReader.ReadAsync(plain, options, Ct));
        var actual = await Fixture.ToListAsync(AuthLogReader.ReadAsync(gzip, options, Ct));

        Assert.True(expected.Count > 20_000);
        Assert.Contains(expected, e => e.Truncated);
        Assert.Equal(
            expected.Select(e => (e.Position.Line, e.Position.ByteOffset, e.Truncated, e.Message, e.Event)),
            actual.Select(e => (e.Position.Line, e.Position.ByteOffset, e.Truncated, e.Message, e.Event)));
    }

    [Fact]
    public async Task A_gzip_stream_is_decompressed()
    {
        var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Line1 + "\n"), Ct);
        var entries = await Read(buffer.ToArray());
        Assert.Equal(["a"], entries.Select(User));
        Assert.Null(entries[0].Position.Source);
    }

    [Fact]
    public async Task Crlf_missing_final_newline_and_empty_lines()
    {
        var entries = await Read(Encoding.UTF8.GetBytes(Line1 + "\r\n\r\n\n" + Line2 + "\r\n" + Line3));
        Assert.Equal(["a", "b", "c"], entries.Select(User));
        Assert.Equal([1L, 4L, 5L], entries.Select(e => e.Position.Line));
        Assert.All(entries, e => Assert.DoesNotContain('\r', e.Message));
    }

    [Fact]
    public async Task Invalid_utf8_is_replaced_and_nul_bytes_survive()
    {
        var bytes = Encoding.UTF8.GetBytes("May 31 07:07:22 nimbus sshd[1]: Invalid user ab\xff\xfe from 192.0.2.1 port 1\n".Replace("\xff\xfe", "XY"));
        var xy = Array.IndexOf(bytes, (byte)'X');
        bytes[xy] = 0xff;
        bytes[xy + 1] = 0x00;
        var entries = await Read(bytes);
        var e = Assert.IsType<SshdInvalidUser>(Assert.Single(entries).Event);
        Assert.Equal("ab\uFFFD\0", e.User);
    }

    [Fact]
    public async Task A_line_longer_than_the_maximum_is_cut_flagged_and_the_next_line_still_read()
    {
        var longLine = "May 31 07:07:22 nimbus sshd[1]: " + new string('x', 10_000);
        var options = Fixture.Utc() with { MaxLineLength = 1024 };
        var entries = await Read(Encoding.UTF8.GetBytes(longLine + "\n" + Line2 + "\n"), options);
        Assert.Equal(2, entries.Count);
        var cut = Assert.IsType<MalformedLine>(entries[0].Event);
        Assert.True(cut.Truncated);
        Assert.Equal(1024, entries[0].Message.Length);
        Assert.Equal("b", User(entries[1]));
        Assert.Equal(2, entries[1].Position.Line);
    }

    [Fact]
    public async Task A_ten_megabyte_line_without_newline_is_cut_not_buffered()
    {
        var bytes = Encoding.UTF8.GetBytes(Line1 + "\n" + new string('y', 10 * 1024 * 1024));
        var entries = await Read(bytes);
        Assert.Equal(2, entries.Count);
        Assert.True(Assert.IsType<MalformedLine>(entries[1].Event).Truncated);
        Assert.Equal(64 * 1024, entries[1].Message.Length);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "auth.log");
        var ex = await Assert.ThrowsAnyAsync<IOException>(() => Read(path));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public async Task A_directory_is_a_clear_error_naming_it()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<IOException>(() => Read(dir.Path));
        Assert.Contains(dir.Path, ex.Message);
        Assert.Contains("directory", ex.Message);
    }

    [Fact]
    public async Task Breaking_out_early_closes_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line1 + "\n" + Line2 + "\n");
        await foreach (var _ in AuthLogReader.ReadAsync(path, Fixture.Utc(), Ct))
        {
            Assert.True(OpenFiles.IsOpenHere(path), "the reader has the file open while reading");
            break;
        }
        Assert.False(OpenFiles.IsOpenHere(path), "the reader closed the file on break");
    }

    [Fact]
    public async Task Cancellation_stops_the_read_and_closes_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", string.Concat(Enumerable.Repeat(Line1 + "\n", 1000)));
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in AuthLogReader.ReadAsync(path, Fixture.Utc(), cts.Token))
            {
                Assert.True(OpenFiles.IsOpenHere(path));
                if (++seen == 1) await cts.CancelAsync();
            }
        });
        Assert.True(seen < 1000);
        Assert.False(OpenFiles.IsOpenHere(path), "the reader closed the file on cancellation");
    }

    [Fact]
    public async Task A_stream_is_left_open()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Line1 + "\n"));
        await Fixture.ToListAsync(AuthLogReader.ReadAsync(stream, Fixture.Utc(), Ct));
        // Still usable: it can be rewound and read again, which a disposed stream refuses.
        stream.Position = 0;
        Assert.Equal((byte)'M', stream.ReadByte());
    }

    [Fact]
    public void Arguments_are_validated_eagerly()
    {
        Assert.Throws<ArgumentException>(() => AuthLogReader.ReadAsync("", null, Ct));
        Assert.Throws<ArgumentNullException>(() => AuthLogReader.ReadAsync((Stream)null!, null, Ct));
        Assert.Throws<ArgumentNullException>(() => AuthLogReader.FollowAsync(null!, null, Ct));
    }
}
