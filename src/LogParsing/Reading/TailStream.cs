namespace LogParsing.Reading;

/// <summary>A read-only pass-through that counts the bytes read and keeps the last four: a gzip trailer's ISIZE once the source ends.</summary>
internal sealed class TailStream(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[4];
    private long _read;

    /// <summary>The last four bytes read (meaningful once <see cref="Length"/> is at least 4).</summary>
    public ReadOnlySpan<byte> Tail => _tail;

    public override long Length => _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, n));
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> read)
    {
        if (read.Length >= 4)
        {
            read[^4..].CopyTo(_tail);
        }
        else if (read.Length > 0)
        {
            // Shift the kept bytes left and append the new ones.
            _tail.AsSpan(read.Length).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(4 - read.Length));
        }
        _read += read.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
