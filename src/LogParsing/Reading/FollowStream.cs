namespace LogParsing.Reading;

/// <summary>
/// A read-only view of a growing file that waits for more data instead of ending, and ends (returns 0)
/// once the file it has open was rotated away (renamed or deleted and replaced) or truncated in place
/// (copytruncate), after every byte already written to it was read: <c>tail -F</c> semantics, one file generation at a time.
/// </summary>
/// <remarks>
/// A copytruncate followed at once by more bytes than were read leaves the file longer than the read position, so size
/// alone cannot see it. As Vector's checksum fingerprint does, the first bytes of the file (up to
/// <see cref="FingerprintLength"/>) are kept and compared after every read: different first bytes are a new generation,
/// and the bytes just read may belong to it (read from the middle of its content), so they are not returned.
/// </remarks>
internal sealed class FollowStream(FileStream file, string path, TimeSpan pollInterval) : Stream
{
    /// <summary>How many first bytes identify a file's content: the same as a checkpoint's fingerprint.</summary>
    public const int FingerprintLength = LogParsing.Reading.Fingerprint.Length;

    private readonly string _fullPath = Path.GetFullPath(path);
    private readonly byte[] _head = new byte[FingerprintLength];
    private readonly byte[] _probe = new byte[FingerprintLength];
    private int _headLength;

    /// <summary>True when the generation ended because the file was cut in place (copytruncate), not renamed.</summary>
    public bool Truncated { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Truncated) return 0;
            var n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n > 0)
            {
                if (!SameContent()) return End(truncated: true);
                return n;
            }
            if (HasRotated())
            {
                // One more read: the logger may have written its last lines between our read and the check.
                n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n > 0 && !Truncated && SameContent()) return n;
                return End(Truncated || !SameContent());
            }
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private int End(bool truncated)
    {
        Truncated = truncated;
        return 0;
    }

    /// <summary>
    /// The open file still starts with the bytes it started with: read at offset 0 of our own handle, so a rename does
    /// not matter here (identity is checked by path in <see cref="HasRotated"/>). The fingerprint grows with the file
    /// until it is <see cref="FingerprintLength"/> long.
    /// </summary>
    private bool SameContent()
    {
        if (!file.CanSeek) return true; // a FIFO has no first bytes to read again, and cannot be truncated
        int n;
        try
        {
            n = RandomAccess.Read(file.SafeFileHandle, _probe, 0);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return true;
        }
        if (n < _headLength || !_probe.AsSpan(0, _headLength).SequenceEqual(_head.AsSpan(0, _headLength)))
            return false;
        if (n > _headLength)
        {
            _probe.AsSpan(_headLength, n - _headLength).CopyTo(_head.AsSpan(_headLength));
            _headLength = n;
        }
        return true;
    }

    /// <summary>Takes the first fingerprint; call once the file is opened and positioned.</summary>
    public void Fingerprint() => SameContent();

    private bool HasRotated()
    {
        FileInfo current;
        try
        {
            current = new FileInfo(_fullPath);
            if (!current.Exists) return false; // deleted and not yet recreated: keep the old file until a new one appears
        }
        catch (IOException)
        {
            return false;
        }
        if (current.Length < file.Position) // truncated in place (copytruncate): shorter than what was read
        {
            Truncated = IsSameFile();
            return true;
        }
        return !IsSameFile();
    }

    // On Linux the kernel names what an open descriptor points at; after a rename it is the new name.
    private bool IsSameFile()
    {
        if (!OperatingSystem.IsLinux()) return true;
        try
        {
            var fd = file.SafeFileHandle.DangerousGetHandle().ToInt64();
            var target = File.ResolveLinkTarget($"/proc/self/fd/{fd}", returnFinalTarget: false)?.FullName;
            return target is null || target == _fullPath;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => file.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
