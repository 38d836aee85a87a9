using System.Text;
using LogParsing.Reading;

namespace LogParsing.Journal;

/// <summary>
/// journalctl output, told apart line by line by content: JSON objects (<c>-o json</c>, <c>-o json-seq</c>) are read
/// from their bytes and yielded at once; text lines (<c>short</c>, <c>short-iso</c>, <c>short-iso-precise</c>,
/// <c>short-precise</c>, <c>short-unix</c>) go through the syslog header grammar and are held back until the next line,
/// because indented lines after them are the rest of a multi-line message; <c>-- </c> lines (<c>-- Boot … --</c>,
/// <c>-- No entries --</c>) are journalctl's markers, not entries, and yield nothing.
/// </summary>
internal sealed class JournalLineProcessor(AuthLogParser parser, TimestampResolver resolver, TimeZoneInfo? zone, string? source)
    : LineProcessor<AuthLogEntry>
{
    private readonly JournalJsonReader _json = new(parser, zone);
    private AuthLogEntry? _pending;
    private int _pendingHeaderLength;
    private StringBuilder? _continuation;

    public override void OnLineBytes(ReadOnlySpan<byte> line, long lineNumber, bool truncated, List<AuthLogEntry> output)
    {
        // A cut JSON line cannot parse: it takes the text path, which makes it a MalformedLine flagged Truncated.
        if (!truncated && JournalJsonReader.IsJson(line))
        {
            Flush(output);
            output.Add(_json.Read(line, new LogPosition(source, lineNumber)));
            return;
        }
        base.OnLineBytes(line, lineNumber, truncated, output);
    }

    public override void OnLine(ReadOnlySpan<char> line, long lineNumber, bool truncated, List<AuthLogEntry> output)
    {
        if (!truncated && line.StartsWith("-- ", StringComparison.Ordinal))
        {
            Flush(output);
            return;
        }
        if (!truncated && _pending is not null && line[0] is ' ' or '\t')
        {
            Fold(line);
            return;
        }
        Flush(output);
        var entry = parser.Parse(line, resolver, new LogPosition(source, lineNumber), truncated);
        _pending = entry;
        // journalctl indents continuation lines by the width of the header; a MalformedLine keeps them whole.
        _pendingHeaderLength = entry.Event is MalformedLine ? 0 : line.Length - entry.Message.Length;
    }

    public override void OnEnd(List<AuthLogEntry> output) => Flush(output);

    private void Fold(ReadOnlySpan<char> line)
    {
        // Strip the indentation journalctl added, not the message's own leading spaces, so the message is what -o json has.
        var indent = 0;
        while (indent < _pendingHeaderLength && indent < line.Length && line[indent] == ' ') indent++;
        (_continuation ??= new StringBuilder(_pending!.Message)).Append('\n').Append(line[indent..]);
    }

    private void Flush(List<AuthLogEntry> output)
    {
        if (_pending is null) return;
        var entry = _pending;
        if (_continuation is not null)
        {
            var message = _continuation.ToString();
            // The event is read again from the whole message, as the JSON form of the same entry would be.
            entry = entry.Event is MalformedLine
                ? entry with { Message = message }
                : entry with { Message = message, Event = parser.ParseMessage(entry.Program, message) };
        }
        output.Add(entry);
        _pending = null;
        _continuation = null;
    }
}
