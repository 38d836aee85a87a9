using System.Buffers;
using System.Runtime.CompilerServices;

namespace LogParsing.Reading;

/// <summary>
/// Consecutive lines of a source, copied out of the pipe's buffers (which are reused as soon as the reader moves on) with
/// what the splitter knew of each (<see cref="LineInfo"/>: number, offset, cut, unterminated): a unit of work of
/// <see cref="ParallelLines"/>. Its arrays are pooled: <see cref="Release"/> returns them once the chunk is read.
/// </summary>
internal sealed class LineChunk
{
    private readonly struct Line(int start, int length, LineInfo info)
    {
        public readonly int Start = start;
        public readonly int Length = length;
        public readonly LineInfo Info = info;
    }

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _used;
    private Line[] _lines = ArrayPool<Line>.Shared.Rent(1024);

    /// <summary>The number of lines.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of line <paramref name="index"/> (CR trimmed, as the splitter handed them).</summary>
    public ReadOnlySpan<byte> Bytes(int index)
    {
        var line = _lines[index];
        return _bytes.AsSpan(line.Start, line.Length);
    }

    /// <summary>What the splitter knew of line <paramref name="index"/>.</summary>
    public ref readonly LineInfo Info(int index) => ref _lines[index].Info;

    /// <summary>The bytes the lines take, for sizing chunks.</summary>
    public int ByteCount => _used;

    public void Add(ReadOnlySpan<byte> line, in LineInfo info)
    {
        if (_used + line.Length > _bytes.Length) _bytes = Grow(_bytes, _used, _used + line.Length);
        if (Count == _lines.Length) _lines = Grow(_lines, Count, Count + 1);
        line.CopyTo(_bytes.AsSpan(_used));
        _lines[Count++] = new Line(_used, line.Length, info);
        _used += line.Length;
    }

    /// <summary>Gives the arrays back to the pool; the chunk is not used again.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        // Cleared: the lines hold fingerprint strings, which a pooled array must not keep alive.
        ArrayPool<Line>.Shared.Return(_lines, clearArray: true);
        _bytes = [];
        _lines = [];
        Count = _used = 0;
    }

    private static TItem[] Grow<TItem>(TItem[] array, int used, int needed)
    {
        var larger = ArrayPool<TItem>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<TItem>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
        return larger;
    }
}
