using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using LogParsing.Grammar;

namespace LogParsing.Journal;

/// <summary>
/// Reads one <c>journalctl -o json</c> object (a line of <c>-o json</c>, or of <c>-o json-seq</c> after its RS) straight
/// from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/>, strings allocated only for the
/// fields kept. Scratch buffers are reused from line to line, so one instance serves one source at a time.
/// </summary>
internal sealed class JournalJsonReader(AuthLogParser parser, TimeZoneInfo? zone)
{
    private const byte RecordSeparator = 0x1E;

    // Microseconds since the epoch that DateTimeOffset can hold; larger stamps are not times but damage.
    private static readonly long MaxMicroseconds = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private byte[] _value = new byte[256];
    private char[] _message = new char[512];

    private enum Field { Other, Message, Identifier, Comm, SyslogPid, Pid, Hostname, Realtime, Priority, Unit, Cursor }

    /// <summary>True for a line that is a JSON object (<c>-o json</c>) or a JSON text sequence record (<c>-o json-seq</c>).</summary>
    public static bool IsJson(ReadOnlySpan<byte> line) => line[0] is (byte)'{' or RecordSeparator;

    /// <summary>The entry of one line; a line that is not a journal object with a MESSAGE is a <see cref="MalformedLine"/>, never an exception.</summary>
    public AuthLogEntry Read(ReadOnlySpan<byte> line, LogPosition position)
    {
        var json = line[0] == RecordSeparator ? line[1..] : line;
        try
        {
            if (TryRead(json, position, out var entry))
                return entry;
        }
        catch (JsonException)
        {
            // Broken JSON (cut short, hand-edited): Utf8JsonReader's only way to say so. Kept below as raw text.
        }
        catch (InvalidOperationException)
        {
            // A string that cannot be unescaped (a lone surrogate escape): the same.
        }
        return new AuthLogEntry
        {
            Program = string.Empty,
            Message = Encoding.UTF8.GetString(line),
            Event = new MalformedLine(),
            Position = position,
        };
    }

    private bool TryRead(ReadOnlySpan<byte> json, LogPosition position, out AuthLogEntry entry)
    {
        entry = null!;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;

        string? identifier = null, comm = null, host = null, unit = null, cursor = null;
        int? syslogPid = null, pid = null, priority = null;
        var timestamp = default(DateTimeOffset);
        var messageLength = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            if (field == Field.Other)
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            if (!TryReadValue(ref reader, out var length))
                continue;
            var value = _value.AsSpan(0, length);
            switch (field)
            {
                case Field.Message:
                    // Decoded now: the value buffer is reused by the next field. Invalid UTF-8 (a byte array) is replaced.
                    if (_message.Length < length) _message = new char[Math.Max(length, _message.Length * 2)];
                    messageLength = Encoding.UTF8.GetChars(value, _message);
                    break;
                case Field.Identifier: identifier = Intern(value); break;
                case Field.Comm: comm = Intern(value); break;
                case Field.Hostname: host = Intern(value); break;
                case Field.Unit: unit = Intern(value); break;
                // Unique per entry: not interned. Kept for resuming (journalctl --after-cursor).
                case Field.Cursor: cursor = Encoding.UTF8.GetString(value); break;
                case Field.SyslogPid: syslogPid = Int(value); break;
                case Field.Pid: pid = Int(value); break;
                case Field.Priority: priority = Int(value); break;
                case Field.Realtime: timestamp = Time(value); break;
            }
        }
        // Anything after the object (a second value, junk) makes the line something other than one entry.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || messageLength < 0)
            return false;

        // journalctl's own choice for its text outputs: the identifier the program gave, else its command name.
        var program = identifier ?? comm ?? "unknown";
        var message = _message.AsSpan(0, messageLength);
        var evt = parser.ParseMessage(program, message, out var repeat);
        entry = new AuthLogEntry
        {
            Timestamp = zone is null ? timestamp : TimeZoneInfo.ConvertTime(timestamp, zone),
            Host = host,
            Program = program,
            ProcessId = syslogPid ?? pid,
            Message = new string(message),
            Event = evt,
            RepeatCount = repeat,
            Position = cursor is null ? position : position with { Cursor = cursor },
            Unit = unit,
            Severity = priority,
        };
        return true;
    }

    private static Field Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
            return IdentifyEscaped(ref reader);
        // Journal field names are [A-Z0-9_] and never escaped; the length tells apart all but PRIORITY and __CURSOR.
        var name = reader.ValueSpan;
        return name.Length switch
        {
            7 when name.SequenceEqual("MESSAGE"u8) => Field.Message,
            17 when name.SequenceEqual("SYSLOG_IDENTIFIER"u8) => Field.Identifier,
            5 when name.SequenceEqual("_COMM"u8) => Field.Comm,
            10 when name.SequenceEqual("SYSLOG_PID"u8) => Field.SyslogPid,
            4 when name.SequenceEqual("_PID"u8) => Field.Pid,
            9 when name.SequenceEqual("_HOSTNAME"u8) => Field.Hostname,
            20 when name.SequenceEqual("__REALTIME_TIMESTAMP"u8) => Field.Realtime,
            8 when name.SequenceEqual("PRIORITY"u8) => Field.Priority,
            13 when name.SequenceEqual("_SYSTEMD_UNIT"u8) => Field.Unit,
            8 when name.SequenceEqual("__CURSOR"u8) => Field.Cursor,
            _ => Field.Other,
        };
    }

    private static Field IdentifyEscaped(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("MESSAGE"u8) ? Field.Message
        : reader.ValueTextEquals("SYSLOG_IDENTIFIER"u8) ? Field.Identifier
        : reader.ValueTextEquals("_COMM"u8) ? Field.Comm
        : reader.ValueTextEquals("SYSLOG_PID"u8) ? Field.SyslogPid
        : reader.ValueTextEquals("_PID"u8) ? Field.Pid
        : reader.ValueTextEquals("_HOSTNAME"u8) ? Field.Hostname
        : reader.ValueTextEquals("__REALTIME_TIMESTAMP"u8) ? Field.Realtime
        : reader.ValueTextEquals("PRIORITY"u8) ? Field.Priority
        : reader.ValueTextEquals("_SYSTEMD_UNIT"u8) ? Field.Unit
        : reader.ValueTextEquals("__CURSOR"u8) ? Field.Cursor
        : Field.Other;

    /// <summary>
    /// Copies the value at the reader into <see cref="_value"/> as UTF-8 bytes: a string unescaped, a number as its
    /// digits, an array of byte values (journalctl's form for a value that is not valid UTF-8) as those bytes, an array
    /// of values (a field set more than once) as its first. False for null (journalctl's form for a value over 4 KiB
    /// without <c>--all</c>) and anything else; the reader is left on the value's last token either way.
    /// </summary>
    private bool TryReadValue(ref Utf8JsonReader reader, out int length)
    {
        length = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
            case JsonTokenType.Number:
                var raw = reader.ValueSpan;
                Reserve(raw.Length);
                if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                    length = reader.CopyString(_value);
                else
                {
                    raw.CopyTo(_value);
                    length = raw.Length;
                }
                return true;
            case JsonTokenType.StartArray:
                return TryReadArray(ref reader, out length);
            default:
                reader.Skip();
                return false;
        }
    }

    private bool TryReadArray(ref Utf8JsonReader reader, out int length)
    {
        length = 0;
        var depth = reader.CurrentDepth;
        var ok = true;
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                do
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetByte(out var b))
                    {
                        ok = false;
                        break;
                    }
                    Reserve(length + 1);
                    _value[length++] = b;
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
            }
            else
            {
                ok = TryReadValue(ref reader, out length);
            }
        }
        // Past the remaining values (further values of a multi-valued field, or the rest of a bad byte array).
        while (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != depth)
        {
            if (!reader.Read()) return false;
        }
        return ok;
    }

    private void Reserve(int length)
    {
        if (_value.Length < length)
            Array.Resize(ref _value, Math.Max(length, _value.Length * 2));
    }

    private static string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 128)
            return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[128];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        return StringPool.Shared.Get(chars[..count]);
    }

    // journalctl writes numbers as strings ("SYSLOG_PID":"1571"); a bare number is read the same way.
    private static int? Int(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out int value, out var consumed) && consumed == utf8.Length && value >= 0 ? value : null;

    /// <summary><c>__REALTIME_TIMESTAMP</c>: microseconds since the epoch, exact, UTC; default when missing or out of range.</summary>
    private static DateTimeOffset Time(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out long micros, out var consumed) && consumed == utf8.Length && micros >= 0 && micros <= MaxMicroseconds
            ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10)
            : default;
}
