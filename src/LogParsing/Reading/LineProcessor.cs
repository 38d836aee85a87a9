using System.Buffers;
using System.Text;

namespace LogParsing.Reading;

/// <summary>
/// Turns lines into results for one source. The pipeline calls it synchronously with a span that is
/// only valid during the call; results go to <c>output</c> and are yielded after the buffer is released.
/// </summary>
internal abstract class LineProcessor<T>
{
    /// <summary>A non-empty line (CR trimmed), its 1-based number, and whether it was cut at the maximum length.</summary>
    public abstract void OnLine(ReadOnlySpan<char> line, long lineNumber, bool truncated, List<T> output);

    /// <summary>
    /// The raw bytes of a non-empty line (CR trimmed). By default decoded as UTF-8 (invalid bytes replaced, never
    /// throws) into a pooled buffer and handed to <see cref="OnLine"/>. A processor whose input is itself UTF-8
    /// structured text (journal JSON) overrides it to read the bytes without decoding them twice.
    /// </summary>
    public virtual void OnLineBytes(ReadOnlySpan<byte> line, long lineNumber, bool truncated, List<T> output)
    {
        // UTF-8 never decodes to more chars than it has bytes.
        var chars = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            var count = Encoding.UTF8.GetChars(line, chars);
            OnLine(chars.AsSpan(0, count), lineNumber, truncated, output);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The source ended: flush anything held back (a multi-line record).</summary>
    public virtual void OnEnd(List<T> output)
    {
    }
}
