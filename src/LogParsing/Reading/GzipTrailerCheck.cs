using System.Buffers.Binary;

namespace LogParsing.Reading;

/// <summary>
/// The decompressed side of a gzip file that notices truncation. .NET's <see cref="System.IO.Compression.GZipStream"/> ends
/// quietly when a member is cut short, so at the end this compares the length it produced with the ISIZE field of the
/// gzip trailer (the file's last four bytes, kept by <see cref="TailStream"/> as the compressed bytes stream past).
/// </summary>
/// <remarks>
/// A complete single-member file always matches. A file of several members ends with its last member's size, which is
/// smaller than the whole output; that is accepted, so a cut multi-member file is caught only when its last four bytes,
/// now deflate data, read as a size larger than the output (for a 100 MB file, all but about 2 cuts in 100).
/// </remarks>
internal sealed class GzipTrailerCheck(Stream decompressed, TailStream compressed) : Stream
{
    private long _produced;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await decompressed.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n > 0)
        {
            _produced += n;
            return n;
        }
        Verify();
        return 0;
    }

    private void Verify()
    {
        if (compressed.Length < 18)
            throw new InvalidDataException("gzip data is truncated: the file is shorter than a gzip header and trailer.");
        var size = BinaryPrimitives.ReadUInt32LittleEndian(compressed.Tail);
        var produced = (uint)_produced;
        if (size == produced || size < _produced) return;
        throw new InvalidDataException(
            $"gzip data is truncated: {_produced} bytes decompressed, but the trailer says the last member holds {size} (the file was cut short, or is still being written).");
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await decompressed.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
