using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// The seeded real mix (<see cref="Corpus.Lines"/>, its repeat summaries as the messages they repeat) as
/// <c>journalctl -o json --all</c> would export it: one object a line with the fields journald
/// stores for a syslog message (cursor, times, boot and machine ids, host, transport, priority, facility, identifier,
/// pid, message, credentials, command, unit, cgroup), so the readers skip as much as they would on a real export.
/// Never written to the repository.
/// </summary>
public static class JournalCorpus
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };


    /// <summary><paramref name="count"/> entries, one a line, each ending in <c>'\n'</c>; the same for the same <paramref name="seed"/>.</summary>
    public static byte[] Export(int count, int seed = 42)
    {
        var random = new Random(seed);
        var boot = Hex(random, 32);
        var machine = Hex(random, 32);
        var seqnum = Hex(random, 32);
        var invocations = new Dictionary<string, string>();
        var buffer = new ArrayBufferWriter<byte>(count * 1024);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        var sequence = random.Next(100_000, 1_000_000);
        foreach (var line in Corpus.Lines(count, seed))
        {
            var header = HandWrittenParser.ParseHeader(line) ?? throw new InvalidOperationException("not a corpus line: " + line);
            var message = line[header.MessageStart..];
            // journald stores every message; the repeat summaries are rsyslog's, written when it forwards them to a file.
            if (message.StartsWith("message repeated ", StringComparison.Ordinal))
                message = message[(message.IndexOf('[', StringComparison.Ordinal) + 2)..^1];
            var stamp = header.Timestamp(2021);
            var second = stamp.AddTicks(-(stamp.Ticks % TimeSpan.TicksPerSecond));
            var realtime = (second - DateTimeOffset.UnixEpoch).Ticks / 10 + random.Next(1_000_000);
            var monotonic = realtime - 1_622_000_000_000_000L;
            // sudo logs without LOG_PID: its syslog line has no pid, and the export leaves both pid fields out.
            var pid = header.ProcessId?.ToString(CultureInfo.InvariantCulture);
            var cron = header.Program == "CRON";
            var unit = cron ? "cron.service" : "ssh.service";
            if (!invocations.TryGetValue(unit, out var invocation)) invocations[unit] = invocation = Hex(random, 32);

            json.Reset();
            json.WriteStartObject();
            json.WriteString("__CURSOR", $"s={seqnum};i={sequence:x};b={boot};m={monotonic:x};t={realtime:x};x={random.NextInt64():x16}");
            json.WriteString("__REALTIME_TIMESTAMP", realtime.ToString(CultureInfo.InvariantCulture));
            json.WriteString("__MONOTONIC_TIMESTAMP", monotonic.ToString(CultureInfo.InvariantCulture));
            json.WriteString("_BOOT_ID", boot);
            json.WriteString("_MACHINE_ID", machine);
            json.WriteString("_HOSTNAME", header.Host);
            json.WriteString("_TRANSPORT", "syslog");
            // sshd's error() is LOG_ERR, pam_unix's failures LOG_NOTICE, the rest LOG_INFO; PAM writes to authpriv.
            json.WriteString("PRIORITY", message.StartsWith("error:", StringComparison.Ordinal) ? "3" : message.Contains("authentication failure", StringComparison.Ordinal) ? "5" : "6");
            json.WriteString("SYSLOG_FACILITY", message.StartsWith("pam_", StringComparison.Ordinal) ? "10" : cron ? "9" : "4");
            json.WriteString("SYSLOG_IDENTIFIER", header.Program);
            if (pid is not null) json.WriteString("SYSLOG_PID", pid);
            json.WriteString("SYSLOG_TIMESTAMP", string.Create(CultureInfo.InvariantCulture, $"{second:MMM} {second.Day,2} {second:HH:mm:ss} "));
            json.WriteString("MESSAGE", message);
            if (pid is not null) json.WriteString("_PID", pid);
            json.WriteString("_UID", "0");
            json.WriteString("_GID", "0");
            json.WriteString("_COMM", cron ? "cron" : header.Program);
            json.WriteString("_EXE", cron ? "/usr/sbin/cron" : header.Program == "sshd" ? "/usr/sbin/sshd" : "/usr/lib/openssh/sshd-session");
            json.WriteString("_CMDLINE", cron ? "/usr/sbin/CRON -f -P" : "sshd: unknown [priv]");
            json.WriteString("_CAP_EFFECTIVE", "1ffffffffff");
            json.WriteString("_SYSTEMD_CGROUP", "/system.slice/" + unit);
            json.WriteString("_SYSTEMD_UNIT", unit);
            json.WriteString("_SYSTEMD_SLICE", "system.slice");
            json.WriteString("_SYSTEMD_INVOCATION_ID", invocation);
            json.WriteString("_SOURCE_REALTIME_TIMESTAMP", (realtime - random.Next(20, 200)).ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            sequence++;
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The export's lines, without their newlines, as slices of it.</summary>
    public static ReadOnlyMemory<byte>[] Lines(byte[] export)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        for (var end = Array.IndexOf(export, (byte)'\n'); end >= 0; end = Array.IndexOf(export, (byte)'\n', start))
        {
            lines.Add(export.AsMemory(start, end - start));
            start = end + 1;
        }
        return [.. lines];
    }

    private static string Hex(Random random, int digits)
    {
        Span<byte> bytes = stackalloc byte[digits / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
