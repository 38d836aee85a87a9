using System.IO.Hashing;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace LogParsing.Reading;

/// <summary>
/// A file's identity by content, as Vector's checksum fingerprint: its first bytes (up to 256), hashed. Rotation
/// renames files and reuses names, so a name says nothing; the first line, with its timestamp, says which file it is.
/// </summary>
/// <remarks>
/// The hash is XxHash128 (<c>N:xxh128:hex</c>), not a cryptographic one: it only tells one file's first line from
/// another's, and SHA-256 made every read load OpenSSL: a 1,000-line summary took 35 ms with it, 27 ms without
/// (docs/benchmarks.md). Checkpoints saved with the first form (<c>N:hex</c>, the first half of SHA-256) still match.
/// </remarks>
internal static class Fingerprint
{
    public const int Length = 256;

    private const string Scheme = "xxh128:";

    /// <summary>"N:xxh128:hash" of the first N bytes (N at most <see cref="Length"/>), or null for an empty or unreadable file.</summary>
    public static string? Of(SafeFileHandle file, int length = Length) => Of(file, length, legacy: false);

    private static string? Of(SafeFileHandle file, int length, bool legacy)
    {
        Span<byte> head = stackalloc byte[Length];
        int n;
        try
        {
            // Of the content, as the reader yields it: a file that rotation compressed is still the same file.
            n = LogSource.IsGzip(file) ? ReadGzipHead(file, head[..Math.Min(length, Length)]) : RandomAccess.Read(file, head[..Math.Min(length, Length)], 0);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
        return Hash(head[..n], legacy);
    }

    /// <summary>"N:xxh128:hash" (or the earlier "N:hash" of SHA-256) of <paramref name="head"/>, a source's first N bytes; null when it is empty.</summary>
    private static string? Hash(ReadOnlySpan<byte> head, bool legacy)
    {
        if (head.IsEmpty) return null;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (legacy)
        {
            SHA256.HashData(head, hash);
            return $"{head.Length}:{Convert.ToHexStringLower(hash[..16])}";
        }
        XxHash128.Hash(head, hash);
        return $"{head.Length}:{Scheme}{Convert.ToHexStringLower(hash[..16])}";
    }

    // A fingerprint saved before XxHash128 is checked the way it was taken.
    private static bool IsLegacy(string fingerprint, int colon) => !fingerprint.AsSpan(colon + 1).StartsWith(Scheme, StringComparison.Ordinal);

    // The first decompressed bytes need only the first deflate block or so: 64 KiB of compressed data is plenty.
    private static int ReadGzipHead(SafeFileHandle file, Span<byte> head)
    {
        var compressed = new byte[64 * 1024];
        var read = RandomAccess.Read(file, compressed, 0);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed, 0, read), System.IO.Compression.CompressionMode.Decompress);
        var n = 0;
        try
        {
            while (n < head.Length)
            {
                var got = gzip.Read(head[n..]);
                if (got == 0) break;
                n += got;
            }
        }
        catch (InvalidDataException) when (n > 0)
        {
        }
        return n;
    }

    /// <summary>True when <paramref name="file"/> starts with the bytes <paramref name="fingerprint"/> was taken of.</summary>
    public static bool Matches(SafeFileHandle file, string fingerprint) =>
        HashedLength(fingerprint, out var legacy) is { } n && string.Equals(Of(file, n, legacy), fingerprint, StringComparison.Ordinal);

    /// <summary>
    /// True when the content of <paramref name="pipe"/> (decompressed, for gzip) starts with the bytes
    /// <paramref name="fingerprint"/> was taken of: the same test as <see cref="Matches(SafeFileHandle, string)"/>, for a
    /// stream, which may not seek. The bytes looked at are left in the pipe, unread.
    /// </summary>
    public static async ValueTask<bool> MatchesAsync(System.IO.Pipelines.PipeReader pipe, string fingerprint, CancellationToken cancellationToken)
    {
        if (HashedLength(fingerprint, out var legacy) is not { } n) return false;
        n = Math.Min(n, Length);
        var read = await pipe.ReadAtLeastAsync(n, cancellationToken).ConfigureAwait(false);
        var head = read.Buffer.Slice(0, Math.Min(n, read.Buffer.Length));
        var matches = string.Equals(Hash(System.Buffers.BuffersExtensions.ToArray(head), legacy), fingerprint, StringComparison.Ordinal);
        pipe.AdvanceTo(read.Buffer.Start);
        return matches;
    }

    // The N of "N:hash": how many first bytes were hashed; and whether by SHA-256.
    private static int? HashedLength(string fingerprint, out bool legacy)
    {
        var colon = fingerprint.IndexOf(':', StringComparison.Ordinal);
        legacy = colon > 0 && IsLegacy(fingerprint, colon);
        return colon > 0 && int.TryParse(fingerprint.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }
}
