using System.Text;

namespace LogParsing.Reading;

/// <summary>
/// Folds the lines that start no entry of their own (a Python traceback after a fail2ban record, the indented rest of
/// a journal message) into the entry before them: an entry is held until the next one starts or the source ends, and
/// yielded with the folded lines appended to its message after <c>'\n'</c>. The one folding of the library.
/// </summary>
/// <remarks>
/// The folded message is capped at <paramref name="maxLength"/> characters: a record followed by millions of
/// continuation lines must not hold them all. Past the cap, lines are counted, not kept, and the entry is flagged
/// <see cref="LogEntry.Truncated"/>.
/// </remarks>
/// <typeparam name="T">The entries.</typeparam>
/// <param name="withMessage">The entry with the whole folded message (re-read, for entries whose event comes from it).</param>
/// <param name="maxLength">The longest folded message kept, in characters.</param>
internal sealed class ContinuationFolder<T>(Func<T, string, T> withMessage, int maxLength) where T : LogEntry
{
    private T? _pending;
    private StringBuilder? _text;
    private StringBuilder? _original;
    private long _lines;
    private LineInfo _last;
    private long _cut;
    private bool _truncated;
    private bool _unterminated;

    /// <summary>True while an entry is held, so that a continuation line has something to join.</summary>
    public bool HasPending => _pending is not null;

    /// <summary>Holds <paramref name="entry"/>, the start of a new entry; the one held before goes to <paramref name="output"/>.</summary>
    public void Start(T entry, List<T> output)
    {
        Flush(output);
        _pending = entry;
    }

    /// <summary>Appends a continuation line to the held entry's message (call only when <see cref="HasPending"/>).</summary>
    public void Append(ReadOnlySpan<char> line, in LineInfo info) => Append(line, info, line);

    /// <summary>
    /// Appends a continuation line to the held entry's message, and the line as it was read (<paramref name="whole"/>,
    /// with what the reader stripped from <paramref name="line"/>) to its <see cref="LogEntry.Original"/> when it keeps one.
    /// </summary>
    public void Append(ReadOnlySpan<char> line, in LineInfo info, ReadOnlySpan<char> whole)
    {
        if (_pending!.Original is { } original)
        {
            _original ??= new StringBuilder(original);
            // The same bound as the message: the raw text must not grow without limit either.
            var space = maxLength - _original.Length - 1;
            if (space >= 0) _original.Append('\n').Append(whole[..Math.Min(whole.Length, space)]);
        }
        _lines++;
        _last = info;
        _truncated |= info.Truncated;
        _unterminated = info.Unterminated;
        _text ??= new StringBuilder(_pending!.Message);
        var room = maxLength - _text.Length - 1;
        if (room < 0)
        {
            _cut++;
            _truncated = true;
            return;
        }
        if (line.Length > room)
        {
            line = line[..room];
            _truncated = true;
        }
        _text.Append('\n').Append(line);
    }

    /// <summary>The held entry, complete, goes to <paramref name="output"/>.</summary>
    public void Flush(List<T> output)
    {
        if (_pending is null) return;
        if (_text is null)
        {
            output.Add(_pending);
        }
        else
        {
            var folded = (LogEntry)withMessage(_pending, _text.ToString()) with
            {
                ContinuationLines = _lines,
                CutContinuationLines = _cut,
                Truncated = _pending.Truncated || _truncated,
                Unterminated = _unterminated,
                Original = _original?.ToString() ?? _pending.Original,
                LastLine = _pending.Position with { Line = _last.Number, ByteOffset = _last.Offset },
            };
            output.Add((T)folded);
        }
        _pending = null;
        _text = null;
        _original = null;
        _lines = _cut = 0;
        _truncated = _unterminated = false;
    }
}
