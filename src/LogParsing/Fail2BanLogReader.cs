using LogParsing.Grammar;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads fail2ban's log (<c>/var/log/fail2ban.log</c> and its rotation set, plain or gzip, or the same records through
/// syslog) as <see cref="Fail2BanEntry"/> records. Lines that start no record (tracebacks, multi-line command output)
/// are folded into the previous record's <see cref="LogEntry.Message"/>, so a record is yielded once the next one
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
    private static readonly LineReader<Fail2BanEntry, LogReaderOptions> Reader = new(
        options => (source, lastWrite) => new Fail2BanLineProcessor(TimestampResolver.For(options, lastWrite), source, options.MaxLineLength, options.KeepOriginal, chunk: false),
        LogReaderOptions.Default, parallel: true);

    /// <summary>Reads a file, or with <see cref="LogReaderOptions.IncludeRotated"/> its whole rotation set oldest first.</summary>
    /// <param name="path">The log file (the newest of a rotation set).</param>
    /// <param name="options">Zone, year (for syslog stamps), rotation; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<Fail2BanEntry> ReadAsync(string path, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(path, options, cancellationToken);

    /// <summary>
    /// Reads a stream (plain or gzip); the stream is not disposed. With <see cref="LogReaderOptions.ResumeFrom"/>, the
    /// stream is taken for the checkpoint's file and read after its line, or refused with <see cref="LogCheckpointException"/>.
    /// </summary>
    /// <param name="stream">The log content.</param>
    /// <param name="options">Zone, year; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<Fail2BanEntry> ReadAsync(Stream stream, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(stream, options, cancellationToken);

    /// <summary>Follows a live fail2ban.log like <c>tail -F</c>, across rotation; ends only by cancellation.</summary>
    /// <param name="path">The live log file.</param>
    /// <param name="options">Poll interval, start position; null for defaults.</param>
    /// <param name="cancellationToken">Stops following; the file is closed.</param>
    public static IAsyncEnumerable<Fail2BanEntry> FollowAsync(string path, LogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.FollowAsync(path, options, cancellationToken);

    /// <summary>
    /// Holds each record back until the next one starts, appending continuation lines to it. As a chunk processor
    /// (<paramref name="chunk"/>) it only parses records, leaving the holding to <see cref="InOrder"/>, and gives up on a
    /// chunk with a line that starts no record (a traceback line, which joins a record of an earlier chunk, or a
    /// malformed line) or a stamp in a repeated daylight-saving hour: such a chunk is read again in order. With
    /// <paramref name="keepOriginal"/>, each entry keeps its line as read, and the folding appends the lines it joins, as
    /// the auth reader's joining does.
    /// </summary>
    private sealed class Fail2BanLineProcessor(TimestampResolver resolver, string? source, int maxLineLength, bool keepOriginal, bool chunk) : LineProcessor<Fail2BanEntry>
    {
        private readonly ContinuationFolder<Fail2BanEntry> _folder = new((e, message) => e with { Message = message }, maxLineLength);
        private bool _dependent;

        public override void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<Fail2BanEntry> output)
        {
            var position = info.Position(source);
            var entry = info.Truncated ? null : Fail2BanParser.TryParse(line, resolver, position);
            // Set before the record is held: the folder extends a kept original with each line it appends.
            if (keepOriginal && entry is not null) entry = entry with { Original = new string(line) };
            if (chunk)
            {
                if (entry is null) _dependent = true;
                else output.Add(info.Unterminated ? entry with { Unterminated = true } : entry);
            }
            else if (entry is not null)
            {
                _folder.Start(info.Unterminated ? entry with { Unterminated = true } : entry, output);
            }
            else if (_folder.HasPending)
            {
                _folder.Append(line, info);
            }
            else
            {
                var malformed = Fail2BanParser.Malformed(line, position, info.Truncated);
                if (info.Unterminated) malformed = malformed with { Unterminated = true };
                output.Add(keepOriginal ? malformed with { Original = new string(line) } : malformed);
            }
        }

        public override void OnEnd(List<Fail2BanEntry> output) => _folder.Flush(output);

        public override LineProcessor<Fail2BanEntry> NewChunkProcessor() => new Fail2BanLineProcessor(resolver.Fork(), source, maxLineLength, keepOriginal, chunk: true);

        public override bool Independent => !_dependent && !resolver.ResolvedAmbiguous;

        // Every line of the chunk started a record: each is held in turn, as the sequential read holds it.
        public override void InOrder(List<Fail2BanEntry> parsed, List<Fail2BanEntry> output)
        {
            foreach (var entry in parsed)
                _folder.Start(entry, output);
        }
    }
}
