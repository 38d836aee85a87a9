using System.Text;
using Pidgin;
using LogParsing.Fail2Ban;
using LogParsing.Grammar;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads fail2ban's log (<c>/var/log/fail2ban.log</c> and its rotation set, plain or gzip, or the same records through
/// syslog) as <see cref="Fail2BanEntry"/> records. Lines that start no record (tracebacks, multi-line command output)
/// are folded into the previous record's <see cref="Fail2BanEntry.Message"/>, so a record is yielded once the next one
/// starts (or the source ends).
/// </summary>
/// <example>
/// <code>
/// await foreach (var e in Fail2BanLogReader.ReadAsync("/var/log/fail2ban.log"))
///     if (e.Event is Fail2BanBan ban) Console.WriteLine($"{e.Timestamp:u} [{e.Jail}] ban {ban.Target}");
/// </code>
/// </example>
public static class Fail2BanLogReader
{
    /// <summary>Reads a file, or with <see cref="LogReaderOptions.IncludeRotated"/> its whole rotation set oldest first.</summary>
    /// <param name="path">The log file (the newest of a rotation set).</param>
    /// <param name="options">Zone, year (for syslog stamps), rotation; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<Fail2BanEntry> ReadAsync(string path, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= LogReaderOptions.Default;
        return LogFiles.ReadPathAsync(path, options, Processor(options), cancellationToken);
    }

    /// <summary>Reads a stream (plain or gzip); the stream is not disposed.</summary>
    /// <param name="stream">The log content.</param>
    /// <param name="options">Zone, year; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<Fail2BanEntry> ReadAsync(Stream stream, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= LogReaderOptions.Default;
        return LogFiles.ReadStreamAsync(stream, options.MaxLineLength, Processor(options), cancellationToken);
    }

    /// <summary>Follows a live fail2ban.log like <c>tail -F</c>, across rotation; ends only by cancellation.</summary>
    /// <param name="path">The live log file.</param>
    /// <param name="options">Poll interval, start position; null for defaults.</param>
    /// <param name="cancellationToken">Stops following; the file is closed.</param>
    public static IAsyncEnumerable<Fail2BanEntry> FollowAsync(string path, LogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= LogReaderOptions.Default;
        return LogFiles.FollowAsync(path, options.FollowFromStart, options.PollInterval, options.MaxLineLength, Processor(options), cancellationToken);
    }

    /// <summary>Parses one line that starts a record; null when it does not (a continuation line).</summary>
    /// <param name="line">The raw line.</param>
    /// <param name="options">Zone and year; null for defaults (local zone, year from the clock).</param>
    public static Fail2BanEntry? ParseLine(string line, LogReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(line, TimestampResolver.For(options ?? LogReaderOptions.Default, null), default);
    }

    internal static Fail2BanEntry? Parse(ReadOnlySpan<char> line, TimestampResolver resolver, LogPosition position)
    {
        var result = Fail2BanLineParser.Instance.Parse(line, Speculation.Quiet);
        if (!result.Success) return null;
        var (stamp, host, record) = result.Value;
        return new Fail2BanEntry
        {
            Timestamp = resolver.Resolve(stamp, out var inferred),
            YearWasInferred = inferred,
            Host = host,
            Logger = record.Logger,
            ProcessId = record.ProcessId,
            Level = record.Level,
            LevelName = record.LevelName,
            Jail = record.Jail,
            Message = record.Message,
            Event = record.Event,
            Position = position,
        };
    }

    private static LogFiles.ProcessorFactory<Fail2BanEntry> Processor(LogReaderOptions options) =>
        (source, lastWrite) => new Fail2BanLineProcessor(TimestampResolver.For(options, lastWrite), source);

    /// <summary>Holds each record back until the next one starts, appending continuation lines to it.</summary>
    private sealed class Fail2BanLineProcessor(TimestampResolver resolver, string? source) : LineProcessor<Fail2BanEntry>
    {
        private Fail2BanEntry? _pending;
        private StringBuilder? _continuation;

        public override void OnLine(ReadOnlySpan<char> line, long lineNumber, bool truncated, List<Fail2BanEntry> output)
        {
            var entry = truncated ? null : Parse(line, resolver, new LogPosition(source, lineNumber));
            if (entry is not null)
            {
                Flush(output);
                _pending = entry;
                return;
            }
            if (_pending is null)
            {
                output.Add(new Fail2BanEntry
                {
                    Logger = string.Empty,
                    Message = new string(line),
                    Event = new MalformedFail2BanLine { Truncated = truncated },
                    Position = new LogPosition(source, lineNumber),
                });
                return;
            }
            (_continuation ??= new StringBuilder(_pending.Message)).Append('\n').Append(line);
        }

        public override void OnEnd(List<Fail2BanEntry> output) => Flush(output);

        private void Flush(List<Fail2BanEntry> output)
        {
            if (_pending is null) return;
            output.Add(_continuation is null ? _pending : _pending with { Message = _continuation.ToString() });
            _pending = null;
            _continuation = null;
        }
    }
}
