using System.Text;

namespace LogParsing.Reading;

/// <summary>
/// Folds the lines that start no entry of their own (a Python traceback after a fail2ban record, the indented rest of
/// a journal message) into the entry before them: an entry is held until the next one starts or the source ends, and
/// yielded with the folded lines appended to its message after <c>'\n'</c>. The one folding of the library.
/// </summary>
/// <typeparam name="T">The entries.</typeparam>
/// <param name="messageOf">An entry's message as read from its first line.</param>
/// <param name="withMessage">The entry with the whole folded message.</param>
internal sealed class ContinuationFolder<T>(Func<T, string> messageOf, Func<T, string, T> withMessage) where T : class
{
    private T? _pending;
    private StringBuilder? _text;

    /// <summary>True while an entry is held, so that a continuation line has something to join.</summary>
    public bool HasPending => _pending is not null;

    /// <summary>Holds <paramref name="entry"/>, the start of a new entry; the one held before goes to <paramref name="output"/>.</summary>
    public void Start(T entry, List<T> output)
    {
        Flush(output);
        _pending = entry;
    }

    /// <summary>Appends a continuation line to the held entry's message (call only when <see cref="HasPending"/>).</summary>
    public void Append(ReadOnlySpan<char> line) =>
        (_text ??= new StringBuilder(messageOf(_pending!))).Append('\n').Append(line);

    /// <summary>The held entry, complete, goes to <paramref name="output"/>.</summary>
    public void Flush(List<T> output)
    {
        if (_pending is null) return;
        output.Add(_text is null ? _pending : withMessage(_pending, _text.ToString()));
        _pending = null;
        _text = null;
    }
}
