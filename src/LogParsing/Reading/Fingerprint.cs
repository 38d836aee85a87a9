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
/// another's, and SHA-256 made every read load OpenSSL: a 1,000-line summary took 35 ms with it, 27 ms without (docs/benchmarks.md). Checkpoints saved with
/// the first form (<c>N:hex</c>, the first half of SHA-256) still match.
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
        if (n == 0) return null;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (legacy)
        {
            SHA256.HashData(head[..n], hash);
            return $"{n}:{Convert.ToHexStringLower(hash[..16])}";
        }
        XxHash128.Hash(head[..n], hash);
        return $"{n}:{Scheme}{Convert.ToHexStringLower(hash[..16])}";
    }

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
    public static bool Matches(SafeFileHandle file, string fingerprint)
    {
        var colon = fingerprint.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(fingerprint.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return false;
        var legacy = !fingerprint.AsSpan(colon + 1).StartsWith(Scheme, StringComparison.Ordinal);
        return string.Equals(Of(file, n, legacy), fingerprint, StringComparison.Ordinal);
    }
}
