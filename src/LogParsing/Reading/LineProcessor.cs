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
}
