using System.Buffers.Text;
using System.Text.Json;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The floor for journal JSON: one <see cref="Utf8JsonReader"/> pass over a <c>journalctl -o json</c> line, taking
/// MESSAGE, SYSLOG_IDENTIFIER / _COMM, SYSLOG_PID / _PID, __REALTIME_TIMESTAMP, _HOSTNAME, _SYSTEMD_UNIT and PRIORITY
/// and skipping the rest (no <see cref="JsonDocument"/>), then the message read by <see cref="HandWrittenParser"/>.
/// Numbers are parsed from the UTF-8 between the quotes; the only strings made are the message and the fields kept.
/// </summary>
public static class HandWrittenJournalReader
{
    /// <summary>One line into an entry; null when it is no entry with a message, or its message is not covered.</summary>
    public static AuthLogEntry? Read(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? message = null, identifier = null, comm = null, host = null, unit = null;
        long? syslogPid = null, pid = null, priority = null, realtime = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // journald's field names are [A-Z0-9_], never escaped; the ones kept differ in length but for two.
            var name = reader.ValueSpan;
            var field = name.Length switch
            {
                7 when name.SequenceEqual("MESSAGE"u8) => 1,
                17 when name.SequenceEqual("SYSLOG_IDENTIFIER"u8) => 2,
                5 when name.SequenceEqual("_COMM"u8) => 3,
                10 when name.SequenceEqual("SYSLOG_PID"u8) => 4,
                4 when name.SequenceEqual("_PID"u8) => 5,
                9 when name.SequenceEqual("_HOSTNAME"u8) => 6,
                20 when name.SequenceEqual("__REALTIME_TIMESTAMP"u8) => 7,
                8 when name.SequenceEqual("PRIORITY"u8) => 8,
                13 when name.SequenceEqual("_SYSTEMD_UNIT"u8) => 9,
                _ => 0,
            };
            if (field == 0 || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }
            switch (field)
            {
                case 1: message = reader.GetString(); break;
                case 2: identifier = Name(ref reader); break;
                case 3: comm = Name(ref reader); break;
                case 4: syslogPid = Number(ref reader); break;
                case 5: pid = Number(ref reader); break;
                case 6: host = Name(ref reader); break;
                case 7: realtime = Number(ref reader); break;
                case 8: priority = Number(ref reader); break;
                case 9: unit = Name(ref reader); break;
            }
        }
        if (message is null) return null;
        var program = identifier ?? comm ?? "unknown";
        if (HandWrittenParser.ParseMessage(program, message, out var repeat) is not { } evt) return null;
        return new AuthLogEntry
        {
            Timestamp = realtime is { } micros ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10) : default,
            Host = host,
            Program = program,
            ProcessId = (int?)(syslogPid ?? pid),
            Message = message,
            Event = evt,
            RepeatCount = repeat,
            Unit = unit,
            Severity = (int?)priority,
        };
    }

    private static long? Number(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long value, out var consumed) && consumed == reader.ValueSpan.Length ? value : null;

    // The host, programs and units every entry repeats, as literals (the library interns them), as in HandWrittenParser.
    private static string? Name(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped) return reader.GetString();
        var s = reader.ValueSpan;
        return s.Length switch
        {
            6 when s.SequenceEqual("nimbus"u8) => "nimbus",
            4 when s.SequenceEqual("sshd"u8) => "sshd",
            4 when s.SequenceEqual("CRON"u8) => "CRON",
            4 when s.SequenceEqual("cron"u8) => "cron",
            4 when s.SequenceEqual("sudo"u8) => "sudo",
            2 when s.SequenceEqual("su"u8) => "su",
            12 when s.SequenceEqual("sshd-session"u8) => "sshd-session",
            14 when s.SequenceEqual("systemd-logind"u8) => "systemd-logind",
            11 when s.SequenceEqual("ssh.service"u8) => "ssh.service",
            12 when s.SequenceEqual("cron.service"u8) => "cron.service",
            _ => reader.GetString(),
        };
    }
}
