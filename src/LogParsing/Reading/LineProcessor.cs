using System.Text;

namespace LogParsing.Reading;

/// <summary>
/// Turns lines into results for one source. The pipeline calls it synchronously with a span that is
/// only valid during the call; results go to <c>output</c> and are yielded after the buffer is released.
/// </summary>
internal abstract class LineProcessor<T>
{
    /// <summary>A non-empty line (CR trimmed), with its number, offset, and whether it was cut or ended the source unterminated.</summary>
    public abstract void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<T> output);

    /// <summary>
    /// The raw bytes of a non-empty line (CR trimmed). By default decoded as UTF-8 (invalid bytes replaced, never
    /// throws) into a pooled buffer and handed to <see cref="OnLine"/>. A processor whose input is itself UTF-8
    /// structured text (journal JSON) overrides it to read the bytes without decoding them twice.
    /// </summary>
    public virtual void OnLineBytes(ReadOnlySpan<byte> line, in LineInfo info, List<T> output)
    {
        // One buffer per source, grown to the longest line (at most MaxLineLength): no rent and return per line.
        // UTF-8 never decodes to more chars than it has bytes.
        if (_chars.Length < line.Length) _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
        var count = Encoding.UTF8.GetChars(line, _chars);
        OnLine(_chars.AsSpan(0, count), info, output);
    }

    private char[] _chars = new char[512];

    /// <summary>The source ended: flush anything held back (a multi-line record).</summary>
    public virtual void OnEnd(List<T> output)
    {
    }

    /// <summary>
    /// A buffer of the source has been split: its lines are all handed over, and <paramref name="output"/> is yielded
    /// next (before the read goes on, or before a fault is thrown). For a processor that gathers lines across calls.
    /// </summary>
    public virtual void OnBufferEnd(List<T> output)
    {
    }

    /// <summary>
    /// For ordered parallel reading (<see cref="ParallelLines"/>): a new processor that reads a chunk of this source's
    /// lines on its own, on any thread, leaving to <see cref="InOrder"/> what depends on the lines before the chunk.
    /// Null (the default) when this processor's lines cannot be read apart. Called on worker threads: it may read only
    /// what never changes.
    /// </summary>
    public virtual LineProcessor<T>? NewChunkProcessor() => null;

    /// <summary>
    /// For a chunk processor: false once a line's result depended on lines before the chunk in a way
    /// <see cref="InOrder"/> cannot repair (a stamp in a repeated daylight-saving hour, a continuation line); the chunk is
    /// then read again, in order, by the source's processor. A chunk processor may stop reading lines once it is false.
    /// </summary>
    public virtual bool Independent => true;

    /// <summary>
    /// For the source's processor, in source order: the results a chunk processor made of the next chunk, to be put
    /// through what depends on the lines before them (a repeat summary takes the previous entry's event, a record is held
    /// for its continuation lines) and added to <paramref name="output"/>.
    /// </summary>
    public virtual void InOrder(List<T> parsed, List<T> output) => output.AddRange(parsed);
}
