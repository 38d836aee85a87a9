using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>Memory is measured alone: other tests running in parallel would share the heap being measured.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// Every reader stays in bounded memory however long its input: a generated stream, never materialised, whose own reads
/// measure the live heap, so that memory held inside the reader (a record still being folded) is seen, not only the
/// entries it yields.
/// </summary>
[Collection(typeof(MemoryMeasurements))]
public class MemoryTests
{
    /// <summary>The live-heap bound the docs state (README, docs/reliability.md, docs/benchmarks.md).</summary>
    internal const long Limit = 16L * 1024 * 1024;

    /// <summary>A log produced as it is read: line i is <c>lineOf(i)</c> (with its newline); the live heap is sampled every <paramref name="sampleEvery"/> lines.</summary>
    private sealed class GeneratedLog(long lines, Func<long, string> lineOf, long sampleEvery = 250_000, byte[]? oneHugeLine = null) : Stream
    {
        private long _line;
        private byte[] _pending = [];
        private int _offset;

        /// <summary>The largest live managed heap seen (after a full collection) while the log was being read.</summary>
        public long Peak { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_line == lines) break;
                    _pending = oneHugeLine is not null && _line == 0 ? oneHugeLine : Encoding.UTF8.GetBytes(lineOf(_line));
                    _offset = 0;
                    if (++_line % sampleEvery == 0) Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true));
                }
                var n = Math.Min(count - written, _pending.Length - _offset);
                _pending.AsSpan(_offset, n).CopyTo(buffer.AsSpan(offset + written));
                _offset += n;
                written += n;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string SshdLine(long i) =>
        $"May 31 07:{i / 60 % 60:00}:{i % 60:00} nimbus sshd[{i % 99999}]: Invalid user u{i % 977} from 192.0.{i % 256}.{i % 253 + 1} port {1024 + i % 60000}\n";

    private static string Fail2BanLine(long i) =>
        $"2021-05-30 00:{i / 60 % 60:00}:{i % 60:00},363 fail2ban.filter         [448]: INFO    [sshd] Found 192.0.{i % 256}.{i % 253 + 1} - 2021-05-30 00:51:39\n";

    // A fail2ban record followed by a Python traceback that never ends (fail2ban.log after a crash loop), and a journal
    // message (journalctl -o short) whose indented rest never ends: each is one entry, folded until the source ends.
    private static string TracebackLine(long i) => i == 0
        ? "2021-05-30 00:51:39,363 fail2ban.actions        [448]: ERROR   Failed to execute ban jail 'sshd' action 'iptables'\n"
        : $"  File \"/usr/lib/python3/dist-packages/fail2ban/server/action.py\", line {i % 1000}, in executeCmd\n";

    private static string IndentedJournalLine(long i) => i == 0
        ? "Jul 03 14:59:17 web01 sshd-session[1571]: error: a message with a long indented rest\n"
        : $"                                          continuation text {i}\n";

    private static async Task<(long Entries, long Growth, LogEntry? First)> Measure(string reader, GeneratedLog log)
    {
        var ct = TestContext.Current.CancellationToken;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0;
        LogEntry? first = null;
        IAsyncEnumerable<LogEntry> entries = reader switch
        {
            "auth" => AuthLogReader.ReadAsync(log, Fixture.Utc(), ct),
            // Ordered parallel reading (issue 16): at most twice the degree of chunks held at once.
            "auth-parallel" => AuthLogReader.ReadAsync(log, Fixture.Utc() with { MaxDegreeOfParallelism = 4 }, ct),
            "fail2ban" => Fail2BanLogReader.ReadAsync(log, Fixture.Utc(), ct),
            _ => JournalReader.ReadAsync(log, new JournalReaderOptions { TimeZone = TimeZoneInfo.Utc, Year = 2024 }, ct),
        };
        await foreach (var e in entries)
        {
            first ??= e;
            count++;
        }
        return (count, log.Peak - baseline, first);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("auth-parallel")]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task Five_million_lines_read_in_bounded_memory(string reader)
    {
        const long lines = 5_000_000;
        var log = new GeneratedLog(lines, reader == "fail2ban" ? Fail2BanLine : SshdLine);
        var (count, growth, _) = await Measure(reader, log);
        Assert.Equal(lines, count);
        // What stays alive while reading (the figure is in docs/benchmarks.md): entries are dropped as they are read.
        Assert.True(growth < Limit, $"the live managed heap grew by {growth / 1024 / 1024} MB while reading");
    }

    // Issue 15, defect 1: one record and 2 million continuation lines (about 150 MB) were folded whole into one message.
    [Theory]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task A_record_with_millions_of_continuation_lines_is_folded_in_bounded_memory(string reader)
    {
        const long lines = 2_000_001;
        var log = new GeneratedLog(lines, reader == "fail2ban" ? TracebackLine : IndentedJournalLine, sampleEvery: 100_000);
        var (count, growth, first) = await Measure(reader, log);
        Assert.Equal(1, count);
        Assert.True(growth < Limit, $"the live managed heap grew by {growth / 1024 / 1024} MB while folding");
        // The fold stops at the limit, says so, and counts what it did not keep.
        Assert.True(first!.Truncated);
        Assert.Equal(lines - 1, first.ContinuationLines);
        Assert.InRange(first.CutContinuationLines, lines - 1 - 64 * 1024 / 20, lines - 2);
        Assert.InRange(first.Message.Length, 64 * 1024 - 200, 64 * 1024);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("auth-parallel")]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task A_hundred_megabyte_line_is_cut_not_buffered(string reader)
    {
        var huge = new byte[100 * 1024 * 1024 + 1];
        huge.AsSpan().Fill((byte)'A');
        huge[^1] = (byte)'\n';
        var log = new GeneratedLog(3, reader == "fail2ban" ? Fail2BanLine : SshdLine, sampleEvery: 1, oneHugeLine: huge);
        var before = GC.GetTotalAllocatedBytes();
        var (count, growth, first) = await Measure(reader, log);
        var allocated = GC.GetTotalAllocatedBytes() - before;
        Assert.Equal(3, count);
        Assert.True(first!.Truncated);
        Assert.Equal(64 * 1024, first.Message.Length);
        // The 100 MB line went through the pipe in buffers and was skipped: far less than its size was allocated, or kept.
        Assert.True(allocated - huge.Length < 32L * 1024 * 1024, $"allocated {(allocated - huge.Length) / 1024 / 1024} MB");
        Assert.True(growth - huge.Length < Limit, $"the live managed heap grew by {(growth - huge.Length) / 1024 / 1024} MB");
    }

    // A continuation line over the limit is cut like any other line, and flags the entry it joins.
    [Theory]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task An_over_long_continuation_line_is_cut_and_flagged(string reader)
    {
        var huge = Encoding.UTF8.GetBytes((reader == "fail2ban" ? "  " : "                                          ") + new string('x', 1024 * 1024) + "\n");
        var header = Encoding.UTF8.GetBytes(reader == "fail2ban" ? TracebackLine(0) : IndentedJournalLine(0));
        var log = new GeneratedLog(1, _ => "", oneHugeLine: [.. header, .. huge]);
        var (count, _, first) = await Measure(reader, log);
        Assert.Equal(1, count);
        Assert.True(first!.Truncated);
        Assert.Equal(1, first.ContinuationLines);
        Assert.InRange(first.Message.Length, 64 * 1024 - 100, 64 * 1024);
    }
}
