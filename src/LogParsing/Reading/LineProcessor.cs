namespace LogParsing.Reading;

/// <summary>
/// Turns decoded lines into results for one source. The pipeline calls it synchronously with a span that is
/// only valid during the call; results go to <c>output</c> and are yielded after the buffer is released.
/// </summary>
internal abstract class LineProcessor<T>
{
    /// <summary>A non-empty line (CR trimmed), its 1-based number, and whether it was cut at the maximum length.</summary>
    public abstract void OnLine(ReadOnlySpan<char> line, long lineNumber, bool truncated, List<T> output);

    /// <summary>The source ended: flush anything held back (a multi-line record).</summary>
    public virtual void OnEnd(List<T> output)
    {
    }
}
