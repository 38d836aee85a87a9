namespace LogParsing.Reading;

/// <summary>
/// A read-only view of a growing file that waits for more data instead of ending, and ends (returns 0)
/// once the file it has open was rotated away (renamed or deleted and replaced) or truncated in place
/// (copytruncate), after every byte already written to it was read: <c>tail -F</c> semantics, one file generation at a time.
/// </summary>
internal sealed class FollowStream(FileStream file, string path, TimeSpan pollInterval) : Stream
{
    private readonly string _fullPath = Path.GetFullPath(path);

    /// <summary>Why the generation ended: true when the path now names another file (or the same file, truncated).</summary>
    public bool Rotated { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n > 0) return n;
            if (HasRotated())
            {
                // One more read: the logger may have written its last lines between our read and the check.
                n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n > 0) return n;
                Rotated = true;
                return 0;
            }
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

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
        if (current.Length < file.Position) return true; // truncated in place (copytruncate): shorter than what was read
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
