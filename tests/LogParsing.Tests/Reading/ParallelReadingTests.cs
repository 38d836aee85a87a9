using System.Text;
using Pidgin;
using LogParsing.Benchmarks;

namespace LogParsing.Tests.Reading;

/// <summary>
/// Ordered parallel reading (issue 16) yields what the sequential read yields, entry for entry and field for field
/// (records compare by value, <see cref="LogPosition"/> too), with chunks forced small so that chunk edges fall inside
/// every run of repeats, traceback and daylight-saving hour.
/// </summary>
public class ParallelReadingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static AuthLogReaderOptions Sequential(AuthLogReaderOptions options) => options with { MaxDegreeOfParallelism = 1 };

    private static AuthLogReaderOptions Parallel(AuthLogReaderOptions options, int chunkLines, int degree = 3) =>
        options with { MaxDegreeOfParallelism = degree, ChunkLines = chunkLines };

    /// <summary>Every entry equal, in order; on a difference, says which entry and shows both.</summary>
    private static void AssertSame<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            Assert.True(Equals(expected[i], actual[i]), $"{what}: entry {i} differs\n  sequential: {expected[i]}\n  parallel:   {actual[i]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    private static async Task AssertParallelIsSequential(string path, AuthLogReaderOptions options, params int[] chunkLines)
    {
        var expected = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Sequential(options), Ct));
        Assert.NotEmpty(expected);
        foreach (var lines in chunkLines)
            AssertSame(expected, await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(options, lines), Ct)), $"{Path.GetFileName(path)}, chunks of {lines} lines");
    }

    [Fact]
    public async Task The_benchmark_corpus_read_in_parallel_is_the_sequential_read()
    {
        using var dir = new TempDir();
        // The generator of the benchmarks (a realistic mix of sshd, PAM, cron, sudo lines), 200,000 lines.
        var path = dir.File("auth.log", string.Join('\n', Corpus.Lines(200_000)) + "\n");
        // 0: a chunk per 64 KiB buffer of the pipe; 7 and 1000 put edges at every kind of line.
        await AssertParallelIsSequential(path, Fixture.Utc(year: null), 0, 7, 1000);
    }

    [Fact]
    public async Task Joined_continuation_lines_and_kept_originals_read_in_parallel_are_the_sequential_read()
    {
        using var dir = new TempDir();
        // Elastic's test-multiline.log form (a message with a newline in it, issue 17) between the corpus's lines, so that
        // with chunks of 1 to 7 lines a continuation line opens a chunk: joining must read in order, keeping originals not.
        var text = new StringBuilder();
        foreach (var line in Corpus.Lines(2_000))
        {
            text.Append(line).Append('\n');
            if (line.Contains("[preauth]", StringComparison.Ordinal)) text.Append(" spans multiple lines.\n\tand a third\n");
        }
        var path = dir.File("auth.log", text.ToString());
        await AssertParallelIsSequential(path, Fixture.Utc(year: null) with { JoinContinuationLines = true, KeepOriginal = true }, 1, 2, 7);
        await AssertParallelIsSequential(path, Fixture.Utc(year: null) with { KeepOriginal = true }, 1, 7);
    }

    [Fact]
    public async Task Joined_continuation_lines_of_a_rotation_set_read_side_by_side_are_the_sequential_read()
    {
        using var dir = new TempDir();
        // The same multi-line form (Elastic's test-multiline.log) in every file of a logrotate set with delaycompress:
        // the files are read two at a time, each in order, and a file's continuation never joins another file's entry.
        string File(int from, int count)
        {
            var text = new StringBuilder(" an indented first line joins nothing\n");
            foreach (var line in Corpus.Lines(from + count)[from..])
            {
                text.Append(line).Append('\n');
                if (line.Contains("[preauth]", StringComparison.Ordinal)) text.Append(" spans multiple lines.\n");
            }
            return text.ToString();
        }
        dir.Gzip("auth.log.2.gz", File(0, 700));
        dir.File("auth.log.1", File(700, 700));
        var path = dir.File("auth.log", File(1400, 700));
        var options = Fixture.Utc(year: null) with { IncludeRotated = true, JoinContinuationLines = true, KeepOriginal = true };
        var expected = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Sequential(options), Ct));
        Assert.Contains(expected, e => e.ContinuationLines == 1);
        foreach (var lines in new[] { 0, 1, 3 })
            AssertSame(expected, await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(options, lines, degree: 2), Ct)), $"chunks of {lines} lines");
    }

    [Fact]
    public async Task A_processor_that_cannot_read_chunks_apart_is_read_by_the_sequential_loop_whatever_the_degree()
    {
        using var dir = new TempDir();
        // The benchmark corpus's lines; what matters is who reads them: with no chunk processor (as for joined
        // continuation lines), ParallelLines hands the source to the one sequential loop, which also ends each buffer.
        var lines = Corpus.Lines(5000);
        var path = dir.File("auth.log", string.Join('\n', lines) + "\n");
        var options = new LogReaderOptions { MaxDegreeOfParallelism = 2, ChunkLines = 3 };

        var fromFile = new WholeSourceProcessor();
        var read = await Fixture.ToListAsync(LogParsing.Reading.LogFiles.ReadFileAsync(path, options, (_, _) => fromFile, Ct, parallel: true));
        Assert.Equal(lines, read);
        Assert.True(fromFile.BufferEnds > 0, "the sequential loop ends each buffer; the parallel one never tells the source's processor");
        Assert.True(fromFile.ChunkProcessorsAsked <= 1, $"asked for a chunk processor {fromFile.ChunkProcessorsAsked} times: the source was chunked");

        var fromStream = new WholeSourceProcessor();
        await using var stream = System.IO.File.OpenRead(path);
        read = await Fixture.ToListAsync(LogParsing.Reading.LogFiles.ReadStreamAsync(stream, options, (_, _) => fromStream, parallel: true, Ct));
        Assert.Equal(lines, read);
        Assert.True(fromStream.BufferEnds > 0);
        Assert.True(fromStream.ChunkProcessorsAsked <= 1, $"asked for a chunk processor {fromStream.ChunkProcessorsAsked} times: the stream was chunked");
    }

    /// <summary>Reads lines as they come and cannot read a chunk apart (the default <c>NewChunkProcessor</c>).</summary>
    private sealed class WholeSourceProcessor : LogParsing.Reading.LineProcessor<string>
    {
        private int _chunkProcessorsAsked;

        public int BufferEnds { get; private set; }

        public int ChunkProcessorsAsked => Volatile.Read(ref _chunkProcessorsAsked);

        public override void OnLine(ReadOnlySpan<char> line, in LogParsing.Reading.LineInfo info, List<string> output) => output.Add(new string(line));

        public override void OnBufferEnd(List<string> output) => BufferEnds++;

        public override LogParsing.Reading.LineProcessor<string>? NewChunkProcessor()
        {
            Interlocked.Increment(ref _chunkProcessorsAsked);
            return null;
        }
    }

    [Fact]
    public async Task Repeat_summaries_take_the_previous_entry_across_chunk_edges()
    {
        using var dir = new TempDir();
        // rsyslog's "message repeated N times: [ msg]" (action.c) and the legacy "last message repeated N times" (sysklogd),
        // in runs, after a malformed line, at the start of the file, and one after another.
        var path = dir.File("auth.log", """
            May 31 07:07:30 nimbus su: last message repeated 3 times
            May 31 07:07:22 nimbus sshd[52959]: Failed password for root from 185.18.126.114 port 33872 ssh2
            May 31 07:07:30 nimbus sshd[52959]: message repeated 2 times: [ Failed password for root from 185.18.126.114 port 33872 ssh2]
            May 31 07:07:31 nimbus sshd[52959]: last message repeated 4 times
            May 31 07:07:32 nimbus sshd[52959]: last message repeated 5 times
            not a syslog line at all
            May 31 07:07:33 nimbus sshd[52959]: last message repeated 6 times
            May 31 07:07:34 nimbus sshd[52959]: last message repeated 7 times
            May 31 07:08:01 nimbus CRON[1201]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)
            May 31 07:08:02 nimbus CRON[1201]: last message repeated 2 times
            May 31 07:08:03 nimbus CRON[1201]: last message repeated 3 times
            May 31 07:08:04 nimbus CRON[1201]: last message repeated 4 times

            May 31 07:08:05 nimbus CRON[1201]: last message repeated 5 times
            """ + "\n");
        await AssertParallelIsSequential(path, Fixture.Utc(), 1, 2, 3, 4, 5);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(Fixture.Utc(), 1), Ct));
        Assert.Equal(4, entries[3].RepeatCount);
        Assert.IsType<LogParsing.Auth.Sshd.SshdFailedAuthentication>(entries[3].Event);
    }

    [Fact]
    public async Task Hostile_bytes_read_in_parallel_as_in_order()
    {
        using var dir = new TempDir();
        var bytes = new List<byte>();
        void Add(string text) => bytes.AddRange(Encoding.UTF8.GetBytes(text));
        // What issue 15's hostile inputs threw at the reader: CRLF (a log copied from Windows), NUL bytes and invalid UTF-8
        // (a user name a client chose), empty lines, a line over MaxLineLength, and a last line with no newline.
        Add("May 31 07:07:22 nimbus sshd[52959]: Invalid user abc from 104.248.172.241 port 60580\r\n");
        Add("\n\r\n");
        Add("May 31 07:07:23 nimbus sshd[52960]: Invalid user a\0b from 104.248.172.241 port 60581\n");
        bytes.AddRange([.. Encoding.UTF8.GetBytes("May 31 07:07:24 nimbus sshd[52961]: Invalid user "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(" from 10.0.0.1 port 22\n")]);
        Add("May 31 07:07:25 nimbus sshd[52962]: Invalid user " + new string('x', 3000) + " from 10.0.0.2 port 22\n");
        Add("May 31 07:07:26 nimbus sshd[52963]: message repeated 2 times: [ Invalid user abc from 104.248.172.241 port 60580]\n");
        Add("May 31 07:07:27 nimbus sshd[52964]: Connection closed by 104.248.172.241 port 60580 [preauth]");
        var path = Path.Combine(dir.Path, "auth.log");
        await File.WriteAllBytesAsync(path, [.. bytes], Ct);
        await AssertParallelIsSequential(path, Fixture.Utc() with { MaxLineLength = 1024 }, 1, 2, 3);
    }

    [Theory]
    [InlineData("seed-auth.log")]
    [InlineData("families.log")]
    [InlineData("journal-auth.log")]
    public async Task The_fixture_logs_read_in_parallel_as_in_order(string fixture)
    {
        await AssertParallelIsSequential(Fixture.Path(fixture), Fixture.Utc(year: null), 1, 2, 5, 64);
    }

    [Fact]
    public async Task Year_inference_across_new_year_is_the_same_in_every_chunk()
    {
        using var dir = new TempDir();
        // A rotated auth.log that runs from December into January (docs/reading.md), years inferred from the reference time.
        var text = new StringBuilder();
        for (var i = 0; i < 200; i++)
            text.Append(i < 100 ? $"Dec 31 23:{i % 60:00}:{i % 60:00}" : $"Jan  1 00:{i % 60:00}:{i % 60:00}").Append($" nimbus sshd[{i}]: Invalid user u{i} from 192.0.2.1 port {i}\n");
        var path = dir.File("auth.log.1", text.ToString());
        var options = Fixture.Utc(year: null) with { ReferenceTime = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero) };
        await AssertParallelIsSequential(path, options, 1, 3, 17);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(options, 3), Ct));
        Assert.Equal(2024, entries[0].Timestamp.Year);
        Assert.Equal(2025, entries[^1].Timestamp.Year);
    }

    [Fact]
    public async Task A_repeated_daylight_saving_hour_cut_by_chunk_edges_stays_monotonic()
    {
        using var dir = new TempDir();
        // Berlin, 2024-10-27: 03:00 CEST became 02:00 CET, so the hour 02:00-03:00 is written twice (DaylightSavingTests).
        string[] stamps = ["01:59:00", "02:10:00", "02:50:00", "02:05:00", "02:40:00", "03:10:00", "03:20:00", "02:15:00"];
        var text = new StringBuilder();
        for (var day = 0; day < 3; day++)
            foreach (var (s, i) in stamps.Select((s, i) => (s, i)))
                text.Append($"Oct {26 + day} {s} nimbus sshd[{i}]: Invalid user u{i} from 192.0.2.1 port 1\n");
        var path = dir.File("auth.log", text.ToString());
        var options = new AuthLogReaderOptions { Year = 2024, TimeZone = Berlin };
        await AssertParallelIsSequential(path, options, 1, 2, 3, 4, 5);
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(options, 2), Ct));
        var day27 = entries.Where(e => e.Timestamp.Day == 27).Take(6).Select(e => e.Timestamp).ToList();
        Assert.Equal(day27.Order(), day27);
    }

    [Fact]
    public async Task Fail2ban_tracebacks_fold_into_their_record_across_chunk_edges()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        // fail2ban.log with a Python traceback after an ERROR record (fail2ban/server/action.py), one at the very start too.
        text.Append("Traceback (most recent call last):\n");
        for (var i = 0; i < 60; i++)
        {
            text.Append($"2021-05-30 00:51:{i % 60:00},363 fail2ban.filter         [448]: INFO    [sshd] Found 192.0.2.{i % 250 + 1} - 2021-05-30 00:51:39\n");
            if (i % 7 == 3)
            {
                text.Append($"2021-05-30 00:51:{i % 60:00},364 fail2ban.actions        [448]: ERROR   Failed to execute ban jail 'sshd' action 'iptables'\n");
                text.Append("Traceback (most recent call last):\n");
                for (var j = 0; j < i % 5 + 1; j++) text.Append($"  File \"/usr/lib/python3/dist-packages/fail2ban/server/action.py\", line {j}, in executeCmd\n");
            }
        }
        var path = dir.File("fail2ban.log", text.ToString());
        var options = new LogReaderOptions { TimeZone = TimeZoneInfo.Utc, MaxDegreeOfParallelism = 1 };
        var expected = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(path, options, Ct));
        Assert.Contains(expected, e => e.ContinuationLines > 1);
        foreach (var lines in new[] { 1, 2, 3, 5, 8 })
            AssertSame(expected, await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(path, options with { MaxDegreeOfParallelism = 3, ChunkLines = lines }, Ct)), $"chunks of {lines}");
        foreach (var fixture in new[] { "fail2ban-mixed.log", "seed-fail2ban.log" })
        {
            var sequential = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(Fixture.Path(fixture), options, Ct));
            AssertSame(sequential, await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(Fixture.Path(fixture), options with { MaxDegreeOfParallelism = 2, ChunkLines = 2 }, Ct)), fixture);
        }
    }

    [Fact]
    public async Task Fail2ban_kept_originals_read_in_parallel_are_the_sequential_read()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        // fail2ban.log's Found records (fail2ban/server/filter.py, "[%s] Found %s - %s"), an ERROR record of a failed ban
        // action with its Python traceback (fail2ban/server/action.py), so that chunk edges fall inside tracebacks.
        for (var i = 0; i < 40; i++)
        {
            text.Append($"2021-05-30 00:51:{i % 60:00},363 fail2ban.filter         [448]: INFO    [sshd] Found 192.0.2.{i % 250 + 1} - 2021-05-30 00:51:39\n");
            if (i % 5 == 2)
            {
                text.Append($"2021-05-30 00:51:{i % 60:00},364 fail2ban.actions        [448]: ERROR   Failed to execute ban jail 'sshd' action 'iptables'\n");
                text.Append("Traceback (most recent call last):\n");
                for (var j = 0; j < i % 4 + 1; j++) text.Append($"  File \"/usr/lib/python3/dist-packages/fail2ban/server/action.py\", line {j}, in executeCmd\n");
            }
        }
        var path = dir.File("fail2ban.log", text.ToString());
        var options = new LogReaderOptions { TimeZone = TimeZoneInfo.Utc, MaxDegreeOfParallelism = 1, KeepOriginal = true };
        var expected = await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(path, options, Ct));
        Assert.All(expected, e => Assert.Equal(e.ContinuationLines, e.Original!.Count(c => c == '\n')));
        Assert.Contains(expected, e => e.ContinuationLines > 1);
        foreach (var lines in new[] { 1, 2, 3, 5 })
            AssertSame(expected, await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(path, options with { MaxDegreeOfParallelism = 3, ChunkLines = lines }, Ct)), $"chunks of {lines}");
        var mixed = Fixture.Path("fail2ban-mixed.log");
        AssertSame(await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(mixed, options, Ct)),
            await Fixture.ToListAsync(Fail2BanLogReader.ReadAsync(mixed, options with { MaxDegreeOfParallelism = 2, ChunkLines = 2 }, Ct)), "fail2ban-mixed.log");
    }

    [Fact]
    public async Task A_rotation_set_reads_in_parallel_oldest_first_as_in_order()
    {
        using var dir = new TempDir();
        var lines = Corpus.Lines(3000);
        // logrotate's numbered scheme with delaycompress: auth.log.2.gz, auth.log.1, auth.log.
        dir.Gzip("auth.log.2.gz", string.Join('\n', lines[..1000]) + "\n");
        dir.File("auth.log.1", string.Join('\n', lines[1000..2000]) + "\n");
        var path = dir.File("auth.log", string.Join('\n', lines[2000..]) + "\n");
        var options = Fixture.Utc() with { IncludeRotated = true };
        await AssertParallelIsSequential(path, options, 0, 1, 13);
    }

    [Fact]
    public async Task A_fault_in_a_rotated_file_read_beside_others_comes_after_its_last_good_line()
    {
        using var dir = new TempDir();
        var lines = Corpus.Lines(30_000);
        dir.Gzip("auth.log.3.gz", string.Join('\n', lines[..10_000]) + "\n");
        // auth.log.2.gz cut in half (a disk that filled while logrotate compressed it): a fault after its complete lines.
        var cut = dir.Gzip("auth.log.2.gz", string.Join('\n', lines[10_000..20_000]) + "\n");
        var bytes = await File.ReadAllBytesAsync(cut, Ct);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)], Ct);
        var newest = dir.File("auth.log.1", string.Join('\n', lines[20_000..]) + "\n");
        var path = dir.File("auth.log", "");

        async Task<(List<AuthLogEntry> Seen, LogReadException Error)> Read(AuthLogReaderOptions options)
        {
            var seen = new List<AuthLogEntry>();
            var error = await Assert.ThrowsAsync<LogReadException>(async () =>
            {
                await foreach (var e in AuthLogReader.ReadAsync(path, options, Ct)) seen.Add(e);
            });
            return (seen, error);
        }

        var options = Fixture.Utc() with { IncludeRotated = true };
        var (expected, expectedError) = await Read(Sequential(options));
        Assert.Equal(cut, expectedError.Source);
        foreach (var degree in new[] { 2, 3 })
        {
            var (seen, error) = await Read(Parallel(options, 0, degree));
            AssertSame(expected, seen, $"degree {degree}");
            Assert.Equal(expectedError.ByteOffset, error.ByteOffset);
            Assert.Equal(cut, error.Source);
        }
        Assert.False(OpenFiles.IsOpenHere(newest));
        Assert.False(OpenFiles.IsOpenHere(cut));
    }

    [Fact]
    public async Task A_resumed_read_in_parallel_starts_after_the_same_line()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", string.Join('\n', Corpus.Lines(5000)) + "\n");
        var all = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Sequential(Fixture.Utc()), Ct));
        var options = Fixture.Utc() with { ResumeFrom = LogCheckpoint.After(all[1234]) };
        await AssertParallelIsSequential(path, options, 0, 3, 100);
        var resumed = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Parallel(options, 3), Ct));
        Assert.Equal(all[1235].Position, resumed[0].Position);
    }

    [Fact]
    public async Task A_truncated_gzip_read_in_parallel_fails_after_the_same_last_line()
    {
        using var dir = new TempDir();
        var whole = dir.Gzip("auth.log.2.gz", string.Join('\n', Corpus.Lines(20_000)) + "\n");
        var bytes = await File.ReadAllBytesAsync(whole, Ct);
        var path = Path.Combine(dir.Path, "cut.gz");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], Ct);

        async Task<(List<AuthLogEntry> Seen, LogReadException Error)> Read(AuthLogReaderOptions options)
        {
            var seen = new List<AuthLogEntry>();
            var error = await Assert.ThrowsAsync<LogReadException>(async () =>
            {
                await foreach (var e in AuthLogReader.ReadAsync(path, options, Ct)) seen.Add(e);
            });
            return (seen, error);
        }

        var (expected, expectedError) = await Read(Sequential(Fixture.Utc()));
        foreach (var lines in new[] { 0, 1, 9 })
        {
            var (seen, error) = await Read(Parallel(Fixture.Utc(), lines));
            AssertSame(expected, seen, $"chunks of {lines}");
            Assert.Equal(expectedError.ByteOffset, error.ByteOffset);
            Assert.Equal(expectedError.Source, error.Source);
        }
        Assert.False(OpenFiles.IsOpenHere(path));
    }

    // The sequential read's guarantee (FaultTests) holds in parallel: a file cut under the reader, which has read ahead by
    // a few chunks, is a fault after complete lines only, and the error's offset is where the last of them ended.
    [Fact]
    public async Task A_file_that_shrinks_while_read_in_parallel_is_a_fault_after_the_last_complete_line()
    {
        using var dir = new TempDir();
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"May 31 07:07:22 nimbus sshd[1]: Invalid user u{i} from 192.0.2.1 port 1\n"));
        var path = dir.File("auth.log", text);
        var seen = new List<AuthLogEntry>();
        var ex = await Assert.ThrowsAsync<LogReadException>(async () =>
        {
            await foreach (var e in AuthLogReader.ReadAsync(path, Parallel(Fixture.Utc(), 0, degree: 2), Ct))
            {
                seen.Add(e);
                if (seen.Count == 10)
                    using (var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) f.SetLength(100_001);
            }
        });
        Assert.Contains("shrank", ex.Message);
        for (var i = 0; i < seen.Count; i++)
        {
            Assert.Equal(i + 1, seen[i].Position.Line);
            Assert.Equal($"u{i}", seen[i].Event.User);
        }
        var last = seen[^1];
        Assert.Equal(last.Position.ByteOffset + Encoding.UTF8.GetByteCount(text.Split('\n')[seen.Count - 1]) + 1, ex.ByteOffset);
        Assert.False(OpenFiles.IsOpenHere(path));
    }

    [Fact]
    public async Task Breaking_off_or_cancelling_a_parallel_read_closes_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", string.Join('\n', Corpus.Lines(50_000)) + "\n");
        await foreach (var e in AuthLogReader.ReadAsync(path, Parallel(Fixture.Utc(), 0), Ct))
            if (e.Position.Line == 2000) break;
        Assert.False(OpenFiles.IsOpenHere(path));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in AuthLogReader.ReadAsync(path, Parallel(Fixture.Utc(), 0), cts.Token))
                if (++read == 1000) await cts.CancelAsync();
        });
        Assert.False(OpenFiles.IsOpenHere(path));
    }

    [Fact]
    public async Task A_stream_and_a_custom_grammar_read_in_parallel_when_asked()
    {
        var text = string.Join('\n', Corpus.Lines(3000)) + "\n";
        var sequential = await Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Fixture.Utc(), Ct));
        AssertSame(sequential, await Fixture.ToListAsync(AuthLogReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Parallel(Fixture.Utc(), 11), Ct)), "stream");

        using var dir = new TempDir();
        var path = dir.File("auth.log", text);
        // Any Pidgin grammar: here the syslog header alone, then the rest of the line.
        var grammar = Pidgin.Parser.Map((header, rest) => (header.Host, rest), LogParsing.Grammar.Syslog.Header, LogParsing.Grammar.Scan.Rest);
        var records = await Fixture.ToListAsync(LogReader.ReadAsync(path, grammar, new LogReaderOptions { MaxDegreeOfParallelism = 1 }, Ct));
        AssertSame(records, await Fixture.ToListAsync(LogReader.ReadAsync(path, grammar, new LogReaderOptions { MaxDegreeOfParallelism = 2, ChunkLines = 5 }, Ct)), "LogReader");
    }

    [Fact]
    public void The_default_degree_is_the_processor_count_for_large_files_only()
    {
        var defaults = new AuthLogReaderOptions();
        Assert.Equal(1, LogParsing.Reading.ParallelLines.Degree(defaults, 100_000));
        Assert.Equal(Environment.ProcessorCount, LogParsing.Reading.ParallelLines.Degree(defaults, LogParsing.Reading.ParallelLines.Threshold));
        Assert.Equal(1, LogParsing.Reading.ParallelLines.Degree(defaults, null));
        Assert.Equal(1, LogParsing.Reading.ParallelLines.Degree(defaults with { MaxDegreeOfParallelism = 1 }, long.MaxValue));
        Assert.Equal(4, LogParsing.Reading.ParallelLines.Degree(defaults with { MaxDegreeOfParallelism = 4 }, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => defaults with { MaxDegreeOfParallelism = 0 });
    }
}
