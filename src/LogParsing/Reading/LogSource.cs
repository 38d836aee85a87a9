using System.IO.Compression;
using System.IO.Pipelines;

namespace LogParsing.Reading;

/// <summary>Opens files and streams as byte pipes, decompressing gzip found by its magic bytes (1f 8b), not by name.</summary>
internal static class LogSource
{
    private const int BufferSize = 64 * 1024;

    public static FileStream OpenFile(string path)
    {
        if (Directory.Exists(path))
            throw new IOException($"'{path}' is a directory, not a log file.");
        // bufferSize 0: the pipe does the buffering; FileShare lets the logger keep writing and rotating.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
    }

    /// <summary>True when the file starts with gzip's magic bytes, read at offset 0 without moving the stream.</summary>
    public static bool IsGzip(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        Span<byte> magic = stackalloc byte[2];
        try
        {
            return RandomAccess.Read(file, magic, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>A pipe over plain bytes from the stream's current position, not sniffed.</summary>
    public static PipeReader OpenPlain(Stream stream, bool leaveOpen) =>
        PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: BufferSize, leaveOpen: leaveOpen));

    public static async ValueTask<PipeReader> OpenAsync(Stream stream, bool leaveOpen, CancellationToken cancellationToken) =>
        (await OpenDetectingAsync(stream, leaveOpen, cancellationToken).ConfigureAwait(false)).Reader;

    /// <summary>A pipe over the stream's content from its current position, decompressed when it is gzip, and whether it was.</summary>
    public static async ValueTask<(PipeReader Reader, bool Gzip)> OpenDetectingAsync(Stream stream, bool leaveOpen, CancellationToken cancellationToken)
    {
        var raw = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: BufferSize, leaveOpen: leaveOpen));
        bool gzip;
        try
        {
            var head = await raw.ReadAtLeastAsync(2, cancellationToken).ConfigureAwait(false);
            gzip = IsGzip(head.Buffer);
            raw.AdvanceTo(head.Buffer.Start);
        }
        catch
        {
            await raw.CompleteAsync().ConfigureAwait(false);
            throw;
        }
        if (!gzip)
            return (raw, false);
        var compressed = new TailStream(raw.AsStream());
        var decompressed = new GzipTrailerCheck(new GZipStream(compressed, CompressionMode.Decompress), compressed);
        return (new DecompressingPipeReader(decompressed), true);
    }

    private static bool IsGzip(System.Buffers.ReadOnlySequence<byte> head)
    {
        if (head.Length < 2) return false;
        Span<byte> magic = stackalloc byte[2];
        System.Buffers.BuffersExtensions.CopyTo(head.Slice(0, 2), magic);
        return magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
