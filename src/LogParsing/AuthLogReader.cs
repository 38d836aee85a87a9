using System.Runtime.InteropServices;
using LogParsing.Grammar;
using LogParsing.Reading;

namespace LogParsing;

/// <summary>
/// Reads auth logs (<c>/var/log/auth.log</c>, <c>/var/log/secure</c>) as <see cref="AuthLogEntry"/> records:
/// files, whole rotation sets, streams, and live files. Plain and gzip content are told apart by their bytes.
/// Every non-empty line yields exactly one entry, in order.
/// </summary>
/// <example>
/// <code>
/// var options = new AuthLogReaderOptions { IncludeRotated = true };
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log", options))
///     if (e.Event.Outcome == AuthOutcome.Failure) Console.WriteLine($"{e.Event.Remote?.Host} {e.Event.User}");
/// </code>
/// </example>
public static class AuthLogReader
{
    private static readonly LineReader<AuthLogEntry, AuthLogReaderOptions> Reader = new(
        options => (source, lastWrite) => new AuthLineProcessor(options.Parser, TimestampResolver.For(options, lastWrite), source, options, chunk: false),
        AuthLogReaderOptions.Default, parallel: true);

    /// <summary>
    /// Reads a file, or with <see cref="LogReaderOptions.IncludeRotated"/> its whole rotation set oldest first.
    /// A missing file throws <see cref="FileNotFoundException"/> on the first <c>MoveNextAsync</c>; a read fault part
    /// way throws <see cref="LogReadException"/> naming the file and offset after every complete line before it.
    /// </summary>
    /// <param name="path">The log file (the newest of a rotation set).</param>
    /// <param name="options">Year, zone, rotation, grammars; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read; the file is closed.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(string path, AuthLogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(path, options, cancellationToken);

    /// <summary>
    /// Reads a stream (plain or gzip). The stream is not disposed. Year inference uses the clock unless
    /// <see cref="LogReaderOptions.ReferenceTime"/> is set. With <see cref="LogReaderOptions.ResumeFrom"/>, the stream is
    /// taken for the checkpoint's file and read after its line, or refused with <see cref="LogCheckpointException"/>.
    /// </summary>
    /// <param name="stream">The log content.</param>
    /// <param name="options">Year, zone, grammars; null for defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<AuthLogEntry> ReadAsync(Stream stream, AuthLogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.ReadAsync(stream, options, cancellationToken);

    /// <summary>
    /// Follows a live file like <c>tail -F</c>: yields lines as they are appended, keeps going across rotation
    /// (rename and new file, or copytruncate), waits while the file does not exist. Only new lines unless
    /// <see cref="LogReaderOptions.FollowFromStart"/>. Ends only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="path">The live log file.</param>
    /// <param name="options">Poll interval, start position, grammars; null for defaults.</param>
    /// <param name="cancellationToken">Stops following; the file is closed.</param>
    public static IAsyncEnumerable<AuthLogEntry> FollowAsync(string path, AuthLogReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        Reader.FollowAsync(path, options, cancellationToken);

    /// <summary>
    /// The lines of one source, each an entry; a repeat summary (<c>last message repeated 3 times</c>) takes the previous
    /// entry's event. As a chunk processor (<paramref name="chunk"/>) it leaves the chunk's leading repeats to
    /// <see cref="InOrder"/>, and gives up on a chunk with a stamp in a repeated daylight-saving hour, whose instant depends
    /// on the stamps before it. Joining continuation lines, it makes no chunk processor: a chunk's first line may belong to
    /// the entry before the chunk, so the reading layer reads the source in order whatever the degree asked for.
    /// </summary>
    private sealed class AuthLineProcessor(AuthLogParser parser, TimestampResolver resolver, string? source, AuthLogReaderOptions options, bool chunk) : LineProcessor<AuthLogEntry>
    {
        // Only when joining: otherwise every line is yielded as it is read, with nothing held back.
        private readonly ContinuationFolder<AuthLogEntry>? _folder = options.JoinContinuationLines
            ? new((e, message) => e.Event is MalformedLine ? e with { Message = message } : Reread(parser, e, message), options.MaxLineLength)
            : null;
        private readonly bool _keepOriginal = options.KeepOriginal;
        private AuthLogEntry? _previous;
        private bool _pastLeadingRepeats;

        public override void OnLine(ReadOnlySpan<char> line, in LineInfo info, List<AuthLogEntry> output)
        {
            var entry = parser.Parse(line, resolver, info.Position(source), info.Truncated);
            // Elastic's multiline pattern is ^\s; a line with a header after its indentation still starts an entry.
            if (_folder is { HasPending: true } && line[0] is ' ' or '\t' && entry.Event is MalformedLine)
            {
                _folder.Append(line, info);
                return;
            }
            // A chunk's leading repeat summaries wait for the entry before the chunk, which InOrder has; every later one
            // takes its previous entry here, on the worker, so that InOrder need not touch the chunk's other entries.
            if (!chunk || _pastLeadingRepeats) entry = AuthLogParser.AfterPrevious(entry, _previous);
            if (entry.Event is not Auth.Rsyslog.RepeatedMessage) _pastLeadingRepeats = true;
            if (info.Unterminated) entry = entry with { Unterminated = true };
            if (_keepOriginal) entry = entry with { Original = new string(line) };
            _previous = entry;
            if (_folder is null) output.Add(entry);
            else _folder.Start(entry, output);
        }

        public override void OnEnd(List<AuthLogEntry> output) => _folder?.Flush(output);

        // The whole message is read again, as the journal's folding does, so the event is that of the message Elastic sees.
        private static AuthLogEntry Reread(AuthLogParser parser, AuthLogEntry entry, string message)
        {
            var evt = parser.ParseMessage(entry.Program, message, out var repeat);
            return entry with { Message = message, Event = evt, RepeatCount = repeat };
        }

        // Null when joining: ParallelLines then reads the source with the sequential pipeline.
        public override LineProcessor<AuthLogEntry>? NewChunkProcessor() =>
            options.JoinContinuationLines ? null : new AuthLineProcessor(parser, resolver.Fork(), source, options, chunk: true);

        public override bool Independent => !resolver.ResolvedAmbiguous;

        public override void InOrder(List<AuthLogEntry> parsed, List<AuthLogEntry> output)
        {
            var leading = 0;
            for (; leading < parsed.Count && parsed[leading].Event is Auth.Rsyslog.RepeatedMessage; leading++)
            {
                var next = AuthLogParser.AfterPrevious(parsed[leading], _previous);
                output.Add(next);
                _previous = next;
            }
            if (leading == parsed.Count) return;
            output.AddRange(CollectionsMarshal.AsSpan(parsed)[leading..]);
            _previous = parsed[^1];
        }
    }
}
