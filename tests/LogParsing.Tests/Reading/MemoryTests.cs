using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>Memory is measured alone: other tests running in parallel would share the heap being measured.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>Reading stays in bounded memory however long the input: a generated stream, never materialised.</summary>
[Collection(typeof(MemoryMeasurements))]
public class MemoryTests
{
    /// <summary>An endless-looking log, produced as it is read.</summary>
    private sealed class GeneratedLog(long lines, byte[]? oneHugeLine = null) : Stream
    {
        private long _line;
        private byte[] _pending = [];
        private int _offset;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_line == lines) break;
                    _pending = oneHugeLine is not null && _line == 0 ? oneHugeLine : Encoding.UTF8.GetBytes(
                        $"May 31 07:{_line / 60 % 60:00}:{_line % 60:00} nimbus sshd[{_line % 99999}]: Invalid user u{_line % 977} from 192.0.{_line % 256}.{_line % 253 + 1} port {1024 + _line % 60000}\n");
                    _offset = 0;
                    _line++;
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

    [Fact]
    public async Task Five_million_lines_read_in_bounded_memory()
    {
        const long lines = 5_000_000;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0, peak = 0;
        await foreach (var e in AuthLogReader.ReadAsync(new GeneratedLog(lines), Fixture.Utc(), TestContext.Current.CancellationToken))
        {
            if (++count % 250_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            _ = e;
        }
        Assert.Equal(lines, count);
        // What stays alive while reading (the figure is in docs/benchmarks.md): entries are dropped as they are read.
        var growth = peak - baseline;
        Assert.True(growth < 16L * 1024 * 1024, $"the live managed heap grew by {growth / 1024 / 1024} MB while reading");
    }

    [Fact]
    public async Task A_hundred_megabyte_line_is_cut_not_buffered()
    {
        var huge = new byte[100 * 1024 * 1024 + 1];
        huge.AsSpan().Fill((byte)'A');
        huge[^1] = (byte)'\n';
        var before = GC.GetTotalAllocatedBytes();
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(new GeneratedLog(3, huge), Fixture.Utc(), TestContext.Current.CancellationToken));
        var allocated = GC.GetTotalAllocatedBytes() - before;
        Assert.Equal(3, entries.Count);
        Assert.True(Assert.IsType<MalformedLine>(entries[0].Event).Truncated);
        Assert.Equal(64 * 1024, entries[0].Message.Length);
        // The 100 MB line went through the pipe in buffers and was skipped: far less than its size was allocated by the reader.
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }
}
