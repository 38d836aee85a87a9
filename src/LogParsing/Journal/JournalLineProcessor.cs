using LogParsing.Grammar;
using LogParsing.Reading;

namespace LogParsing.Journal;

/// <summary>
/// journalctl output, told apart line by line by content: JSON objects (<c>-o json</c>, <c>-o json-seq</c>) are read
/// from their bytes and yielded at once; text lines (<c>short</c>, <c>short-iso</c>, <c>short-iso-precise</c>,
/// <c>short-precise</c>, <c>short-unix</c>) go through the syslog header grammar and are held back until the next line,
/// because indented lines after them are the rest of a multi-line message; <c>-- </c> lines (<c>-- Boot … --</c>,
/// <c>-- No entries --</c>) are journalctl's markers, not entries, and yield nothing.
/// </summary>
internal sealed class JournalLineProcessor(AuthLogParser parser, TimestampResolver resolver, TimeZoneInfo? zone, string? source, int maxLineLength, bool keepOriginal = false)
    : LineProcessor<AuthLogEntry>
{
    private readonly JournalJsonReader _json = new(parser, zone);
    // The event is read again from the whole message, as the JSON form of the same entry would be.
    private readonly ContinuationFolder<AuthLogEntry> _folder = new(
        (e, message) => e.Event is MalformedLine ? e with { Message = message } : Reread(parser, e, message),
        maxLineLength);
    private int _pendingHeaderLength;
    // The entry before the next one: "last message repeated N times" stands for it.
    private AuthLogEntry? _previous;

    public override void OnLineBytes(ReadOnlySpan<byte> line, in LineInfo info, List<AuthLogEntry> output)
    {
        // A cut JSON line cannot parse: it takes the text path, which makes it a MalformedLine flagged Truncated.
        if (!info.Truncated && JournalJsonReader.IsJson(line))
        {
            _folder.Flush(output);
            var read = AuthLogParser.AfterPrevious(_json.Read(line, info.Position(source)), _previous);
            if (info.Unterminated) read = read with { Unterminated = true };
            if (keepOriginal) read = read with { Original = System.Text.Encoding.UTF8.GetString(line) };
            output.Add(read);
            _previous = read;
            return;
        }
        base.OnLineBytes(line, info, output);
    }

    public override void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<AuthLogEntry> output)
    {
        if (!info.Truncated && line.StartsWith("-- ", StringComparison.Ordinal))
        {
            _folder.Flush(output);
            return;
        }
        // An indented line over the length limit is still a continuation: cut, and flagged on the entry it joins.
        if (_folder.HasPending && line[0] is ' ' or '\t')
        {
            // Strip the indentation journalctl added, not the message's own leading spaces, so the message is what -o json has.
            var indent = 0;
            while (indent < _pendingHeaderLength && indent < line.Length && line[indent] == ' ') indent++;
            _folder.Append(line[indent..], info, line);
            return;
        }
        var entry = AuthLogParser.AfterPrevious(parser.Parse(line, resolver, info.Position(source), info.Truncated), _previous);
        if (info.Unterminated) entry = entry with { Unterminated = true };
        if (keepOriginal) entry = entry with { Original = new string(line) };
        _folder.Start(entry, output);
        _previous = entry;
        // journalctl indents continuation lines by the width of the header; a MalformedLine keeps them whole.
        _pendingHeaderLength = entry.Event is MalformedLine ? 0 : line.Length - entry.Message.Length;
    }

    public override void OnEnd(List<AuthLogEntry> output) => _folder.Flush(output);

    private static AuthLogEntry Reread(AuthLogParser parser, AuthLogEntry entry, string message)
    {
        var evt = parser.ParseMessage(entry.Program, message, out var repeat);
        return entry with { Message = message, Event = evt, RepeatCount = repeat };
    }
}
