using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// The regex baseline for journal JSON, as users write it with System.Text.Json: a <see cref="JsonDocument"/> per
/// <c>journalctl -o json</c> line and the fields taken from it, then the message read by <see cref="RegexParser"/>.
/// The same fields and fallbacks as the library (identifier else command name, syslog pid else pid).
/// </summary>
public static class RegexJournalReader
{
    /// <summary>One line into an entry; null when it is no entry with a message, or its message is not covered.</summary>
    public static AuthLogEntry? Read(ReadOnlyMemory<byte> line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || String(root, "MESSAGE"u8) is not { } message) return null;
        var program = String(root, "SYSLOG_IDENTIFIER"u8) ?? String(root, "_COMM"u8) ?? "unknown";
        if (RegexParser.ParseMessage(program, message, out var repeat) is not { } evt) return null;
        return new AuthLogEntry
        {
            Timestamp = Number(root, "__REALTIME_TIMESTAMP"u8) is { } micros ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10) : default,
            Host = String(root, "_HOSTNAME"u8),
            Program = program,
            ProcessId = (int?)(Number(root, "SYSLOG_PID"u8) ?? Number(root, "_PID"u8)),
            Message = message,
            Event = evt,
            RepeatCount = repeat,
            Unit = String(root, "_SYSTEMD_UNIT"u8),
            Severity = (int?)Number(root, "PRIORITY"u8),
        };
    }

    private static string? String(JsonElement entry, ReadOnlySpan<byte> name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // journalctl writes numbers as strings ("_PID":"1571"): read from the raw UTF-8 between the quotes, not through a string.
    private static long? Number(JsonElement entry, ReadOnlySpan<byte> name)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) return null;
        var digits = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return Utf8Parser.TryParse(digits, out long number, out var consumed) && consumed == digits.Length ? number : null;
    }
}
