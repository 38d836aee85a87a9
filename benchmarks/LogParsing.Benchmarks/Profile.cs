using System.Diagnostics;
using System.Globalization;
using LogParsing.Analysis.Detections;
using LogParsing.Grammar;
using Pidgin;

namespace LogParsing.Benchmarks;

/// <summary>
/// A quick breakdown of where a line's time goes, piece by piece, with a stopwatch (not BenchmarkDotNet: for finding the
/// next thing to optimise, not for the published numbers). <c>dotnet run -c Release --project benchmarks/LogParsing.Benchmarks -- profile</c>
/// </summary>
public static class Profile
{
    public static void Run(TextWriter output)
    {
        var lines = Corpus.Lines(20_000);
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var entries = lines.Select(l => AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false)).ToArray();
        var messages = entries.Select(e => e.Message).ToArray();
        var programs = entries.Select(e => e.Program).ToArray();

        void Time(string name, Action<int> work)
        {
            // Long enough for tiered compilation to have rejitted the hot code (a count of calls is not: 100,000 calls
            // can finish inside the tiering delay and measure unoptimised code).
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(1.5)) for (var i = 0; i < lines.Length; i++) work(i);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            const int repeats = 10;
            for (var r = 0; r < repeats; r++) for (var i = 0; i < lines.Length; i++) work(i);
            watch.Stop();
            output.WriteLine($"{name,-34} {watch.Elapsed.TotalNanoseconds / (repeats * lines.Length),7:F0} ns {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(repeats * lines.Length),6:F0} B");
        }

        Time("hand-written parser", i => Baselines.HandWrittenParser.Parse(lines[i], 2021));
        Time("whole line (AuthLogParser)", i => AuthLogParser.Default.Parse(lines[i].AsSpan(), resolver, default, truncated: false));
        Time("header alone", i => Syslog.Header.Parse(lines[i].AsSpan()));
        Time("message as a string", i => _ = new string(messages[i].AsSpan()));
        Time("program lookup", i => AuthLogParser.Default.Programs.TryGetValue(programs[i], out _));
        Time("body alone (by program)", i => (AuthLogParser.Default.Programs.GetValueOrDefault(programs[i]) ?? Auth.Pam.PamGrammar.Body).Parse(messages[i].AsSpan()));
        Time("timestamp resolution", i => resolver.Resolve(new SyslogTimestamp(null, 5, 31, 7, 7, 22, 0, null), out _));
    }

    /// <summary>
    /// One piece in a loop for a while, for a sampling profiler:
    /// <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g dotnet LogParsing.Benchmarks.dll hot line 20</c>
    /// (<c>line</c>, <c>header</c>, <c>body</c>, <c>string</c> or <c>handwritten</c>).
    /// </summary>
    public static void Hot(string what, TimeSpan duration, TextWriter output)
    {
        // "hot 'May 31 07:07:22 nimbus sshd[1]: ...' 10" measures that one line.
        // "hot 'header|May 31 ...' 10": one piece of that one line.
        var bar = what.IndexOf('|', StringComparison.Ordinal);
        var given = bar < 0 ? what : what[(bar + 1)..];
        what = bar < 0 ? "line" : what[..bar];
        var lines = given.Contains(' ', StringComparison.Ordinal) ? Enumerable.Repeat(given, 1000).ToArray() : Corpus.Lines(20_000);
        if (!given.Contains(' ', StringComparison.Ordinal)) what = given;
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var entries = lines.Select(l => AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false)).ToArray();
        var summary = new Analysis.AuthLogSummaryBuilder();
        // One delegate per piece, chosen once: a switch inside the loop gets everything inlined into one huge OSR frame
        // and measures that instead.
        Func<int, object?> work = what switch
        {
            "string" => i => new string(entries[i].Message.AsSpan()),
            "handwritten" => i => Baselines.HandWrittenParser.Parse(lines[i], 2021),
            "body" => i => (AuthLogParser.Default.Programs.GetValueOrDefault(entries[i].Program) ?? Auth.Pam.PamGrammar.Body).Parse(entries[i].Message.AsSpan()),
            "message" => i => AuthLogParser.Default.ParseMessage(entries[i].Program, entries[i].Message.AsSpan(), out _),
            "nothing" => i => Parser<char>.Return(0).Parse(entries[i].Message.AsSpan()),
            "summary" => i =>
            {
                if (i == 0) summary = new Analysis.AuthLogSummaryBuilder();
                summary.Add(entries[i]);
                return null;
            },
            "header" => i => Syslog.Header.Parse(lines[i].AsSpan()),
            _ => i => AuthLogParser.Default.Parse(lines[i].AsSpan(), resolver, default, truncated: false),
        };
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < lines.Length; i++) work(i);
            count += lines.Length;
        }
        output.WriteLine($"{what}: {watch.Elapsed.TotalNanoseconds / count:F0} ns a line over {count:N0} lines");
    }

    /// <summary>Per event type: the share of the corpus, and the whole-line time of the library and of the hand-written parser.</summary>
    public static void Forms(TextWriter output)
    {
        var lines = Corpus.Lines(20_000);
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var groups = lines.GroupBy(l => AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false).Event.GetType().Name)
            .OrderByDescending(g => g.Count()).ToArray();
        foreach (var group in groups)
        {
            var some = group.ToArray();
            double Measure(Action<string> work)
            {
                var warmUp = Stopwatch.StartNew();
                while (warmUp.Elapsed < TimeSpan.FromSeconds(0.5)) foreach (var l in some) work(l);
                var watch = Stopwatch.StartNew();
                long n = 0;
                while (watch.Elapsed < TimeSpan.FromSeconds(1)) { foreach (var l in some) work(l); n += some.Length; }
                return watch.Elapsed.TotalNanoseconds / n;
            }
            var library = Measure(l => AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false));
            var floor = Measure(l => Baselines.HandWrittenParser.Parse(l, 2021));
            // The same message can come with both stamp forms: one program per message is all the lookup needs.
            var parsed = new Dictionary<string, string>();
            foreach (var l in some)
            {
                var e = AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false);
                parsed.TryAdd(e.Message, e.Program);
            }
            var body = Measure(l =>
            {
                var message = l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                _ = parsed.TryGetValue(message, out var program);
                (AuthLogParser.Default.Programs.GetValueOrDefault(program ?? "") ?? Auth.Pam.PamGrammar.Body).Parse(message.AsSpan());
            });
            output.WriteLine($"{group.Key,-32} {100.0 * some.Length / lines.Length,5:F1}% {library,7:F0} ns {floor,6:F0} ns {library / floor,5:F1}x  body+lookup {body,6:F0} ns");
        }
    }

    /// <summary>
    /// Detection over entries read once into memory, in a loop, so that a sampling profiler sees the rules and the session
    /// stage and not the reading: <c>hotdetect auth.log stage|detect 20</c> (a new detector each pass: time must not go back),
    /// and <c>summary</c>, the summary's aggregation over the same entries (its detections count distinct hosts);
    /// <c>read</c>, <c>readsummary</c>, <c>readstage</c> and <c>readdetect</c> loop the file's read alone, into a summary,
    /// through the session stage alone and with detection, as <c>DetectionBenchmarks</c> does,
    /// and report the collector's pause and collections. Suffixes: <c>-seq</c> reads in order on one thread, <c>-gcs</c>
    /// counts collections by generation and reason, <c>-types</c> counts sampled allocations by type (the large object
    /// heap's only, for the file loops), <c>-sourcesN</c> caps the detector's source table at N sources (placed before
    /// the other suffixes): <c>hotdetect auth.log read-seq-gcs 10</c>, <c>hotdetect auth.log readdetect-sources256-seq 10</c>.
    /// </summary>
    public static async Task HotDetect(string path, string what, TimeSpan duration, TextWriter output)
    {
        var options = new AuthLogReaderOptions { Year = 2021, TimeZone = TimeZoneInfo.Utc };
        using var reasons = what.EndsWith("-gcs", StringComparison.Ordinal) ? new CollectionReasons() : null;
        what = what.Replace("-gcs", "", StringComparison.Ordinal);
        using var large = what.StartsWith("read", StringComparison.Ordinal) && what.EndsWith("-types", StringComparison.Ordinal) ? new AllocationTicks { LargeOnly = true } : null;
        if (large is not null) what = what.Replace("-types", "", StringComparison.Ordinal);
        if (what.EndsWith("-set", StringComparison.Ordinal))
        {
            // The path's rotation set, its .1, .2.gz... files read one after the other.
            options = options with { IncludeRotated = true };
            what = what[..^4];
        }
        // -sourcesN: the detector's source table capped at N (how much of detection's cost is the table's size).
        DetectionRules? rules = null;
        if (what.IndexOf("-sources", StringComparison.Ordinal) is >= 0 and var at)
        {
            var digits = what[(at + "-sources".Length)..];
            var end = digits.IndexOf('-') is >= 0 and var dash ? dash : digits.Length;
            rules = DetectionRules.Default with { MaxSources = int.Parse(digits[..end], CultureInfo.InvariantCulture) };
            what = what[..at] + digits[end..];
        }
        if (what.EndsWith("-seq", StringComparison.Ordinal))
        {
            // In order: the parse and the detection on one thread, each entry still in that core's cache.
            options = options with { MaxDegreeOfParallelism = 1 };
            what = what[..^4];
        }
        if (what is "read" or "readdetect" or "readsummary" or "readstage")
        {
            var clock = Stopwatch.StartNew();
            var pausedBefore = GC.GetTotalPauseDuration();
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            long lines = 0, detections = 0;
            while (clock.Elapsed < duration)
            {
                if (what == "read")
                    await foreach (var _ in AuthLogReader.ReadAsync(path, options)) lines++;
                else if (what == "readstage")
                {
                    // WithSessionRemotes' stage alone, as DetectAsync runs it inline: what the correlation keeps alive.
                    var stage = new Analysis.SessionRemoteStage(4096);
                    await foreach (var e in AuthLogReader.ReadAsync(path, options))
                    {
                        if (stage.Add(e) is not null) lines++;
                        else
                            while (stage.TryTake(out _)) lines++;
                    }
                    while (stage.TryTakeRest(out _)) lines++;
                }
                else if (what == "readsummary")
                {
                    var builder = new Analysis.AuthLogSummaryBuilder();
                    await foreach (var e in AuthLogReader.ReadAsync(path, options))
                    {
                        builder.Add(e);
                        lines++;
                    }
                    detections += builder.Build().DistinctRemoteHosts;
                }
                else
                {
                    await foreach (var _ in AuthDetections.DetectAsync(AuthLogReader.ReadAsync(path, options), rules)) detections++;
                    lines += 1_000_000;
                }
            }
            output.WriteLine($"{what}: {clock.Elapsed.TotalNanoseconds / lines:F0} ns a line over {lines:N0} lines (detect counts 1M a pass), {detections:N0} detections, {(GC.GetTotalPauseDuration() - pausedBefore).TotalNanoseconds / lines:F0} ns a line paused, collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}");
            if (reasons is not null)
            {
                foreach (var (reason, n) in reasons.Counts.OrderByDescending(p => p.Value)) output.WriteLine($"  {n,6} {reason}");
                foreach (var (depth, (n, micros, promoted, cards)) in reasons.ByGeneration.OrderBy(p => p.Key))
                    output.WriteLine($"  gen {depth}: {micros / 1000.0 / n:F2} ms a collection, {promoted / 1024.0 / n:F0} KB promoted from gen 0 a collection, {cards / 1024.0 / n:F0} KB of it found through older generations' cards");
            }
            if (large is not null)
                foreach (var (type, bytes) in large.ByType.OrderByDescending(p => p.Value).Take(15)) output.WriteLine($"  {bytes / (double)lines,7:F1} B a line  {type}");
            return;
        }
        var entries = new List<AuthLogEntry>();
        await foreach (var e in AuthLogReader.ReadAsync(path, options)) entries.Add(e);
        using var ticks = what.EndsWith("-types", StringComparison.Ordinal) ? new AllocationTicks() : null;
        what = what.Replace("-types", "", StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();
        long count = 0, fired = 0;
        var gcs = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        while (watch.Elapsed < duration)
        {
            if (what == "summary")
            {
                // The summary's aggregation alone, as authlog summary --no-detections feeds it: a new builder each pass.
                var builder = new Analysis.AuthLogSummaryBuilder();
                foreach (var entry in entries) builder.Add(entry);
                fired += builder.Build().DistinctRemoteHosts;
                count += entries.Count;
                continue;
            }
            var stage = new Analysis.SessionRemoteStage(4096);
            var detector = new Detector(rules);
            var detect = what == "detect";
            foreach (var entry in entries)
            {
                if (stage.Add(entry) is { } ready)
                {
                    if (detect) fired += detector.Add(ready).Length;
                }
                else
                    while (stage.TryTake(out var released))
                        if (detect) fired += detector.Add(released).Length;
            }
            while (stage.TryTakeRest(out var rest))
                if (detect) fired += detector.Add(rest).Length;
            count += entries.Count;
        }
        output.WriteLine($"{what}: {watch.Elapsed.TotalNanoseconds / count:F0} ns a line over {count:N0} lines, {fired:N0} detections, {GC.CollectionCount(0) - gcs} gen-0 collections, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count:F0} B a line, {(GC.GetTotalPauseDuration() - paused).TotalNanoseconds / count:F0} ns a line paused");
        if (ticks is not null)
            foreach (var (type, bytes) in ticks.ByType.OrderByDescending(p => p.Value).Take(25))
                output.WriteLine($"  {bytes / (double)count,7:F1} B a line  {type}");
    }

    /// <summary>
    /// The whole-file benchmarks of <see cref="FileReadingBenchmarks"/> and <see cref="DetectionBenchmarks"/> run one after
    /// the other in rounds, each round every method once, and reported by the median of the rounds with the median of each
    /// round's ratio to the first: on a shared machine whose speed drifts by tens of percent, alternating keeps a ratio
    /// from comparing one method's fast minute with another's slow one. <c>alternate files|detect|lines 9</c>; <c>lines</c> is
    /// <see cref="LineParsingBenchmarks"/>' hand-written floor and the library over its 20,000 lines, each ten passes a round.
    /// </summary>
    public static async Task Alternate(string suite, int rounds, TextWriter output)
    {
        List<(string Name, Func<Task<int>> Run, int Lines)> methods = [];
        Action cleanup;
        if (suite == "files")
        {
            var b = new FileReadingBenchmarks();
            b.Setup();
            cleanup = b.Cleanup;
            methods.Add(("ReadPlainFile", b.ReadPlainFile, 200_000));
            methods.Add(("ReadPlainFileAsDefault", b.ReadPlainFileAsDefault, 200_000));
            methods.Add(("ReadGzipFile", b.ReadGzipFile, 200_000));
            methods.Add(("ReadGzipSetSequential", b.ReadGzipSetSequential, 200_000));
            methods.Add(("RegexPlainFile", () => Task.FromResult(b.RegexPlainFile()), 200_000));
            methods.Add(("HandWrittenPlainFile", () => Task.FromResult(b.HandWrittenPlainFile()), 200_000));
            methods.Add(("ReadCorpusSequential", b.ReadCorpusSequential, 1_000_000));
            methods.Add(("ReadCorpusParallel", b.ReadCorpusParallel, 1_000_000));
        }
        else if (suite == "lines")
        {
            var lines = Corpus.Lines(20_000);
            var suiteOfLines = new LineParsingBenchmarks.Mixed(new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));
            const int passes = 10;
            Func<Task<int>> Passes(Func<string, bool> parse) => () =>
            {
                var read = 0;
                for (var p = 0; p < passes; p++)
                    foreach (var line in lines)
                        if (parse(line)) read++;
                return Task.FromResult(read);
            };
            cleanup = () => { };
            methods.Add(("HandWritten", Passes(suiteOfLines.HandWritten), passes * lines.Length));
            methods.Add(("Pidgin", Passes(suiteOfLines.Pidgin), passes * lines.Length));
        }
        else
        {
            var b = new DetectionBenchmarks();
            b.Setup();
            cleanup = b.Cleanup;
            methods.Add(("Read", b.Read, b.Lines));
            methods.Add(("ReadAndSummarize", b.ReadAndSummarize, b.Lines));
            methods.Add(("ReadWithSessionRemotes", b.ReadWithSessionRemotes, b.Lines));
            methods.Add(("ReadAndDetect", b.ReadAndDetect, b.Lines));
        }
        try
        {
            // Warm-up rounds for two seconds at least: tiered compilation settles before anything is timed (one round of the
            // lines suite is over before the hot methods reach their optimised code).
            var warmUp = Stopwatch.StartNew();
            do
                foreach (var m in methods) await m.Run();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(2));
            var times = methods.Select(_ => new List<double>()).ToArray();
            for (var r = 0; r < rounds; r++)
            {
                for (var i = 0; i < methods.Count; i++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var watch = Stopwatch.StartNew();
                    await methods[i].Run();
                    times[i].Add(watch.Elapsed.TotalNanoseconds / methods[i].Lines);
                }
            }
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
            output.WriteLine($"{rounds} rounds; ns a line: median (min to max); ratio to {methods[0].Name}: median of the rounds' ratios (min to max)");
            for (var i = 0; i < methods.Count; i++)
            {
                var ratios = times[i].Select((t, r) => t / times[0][r]).ToArray();
                output.WriteLine($"{methods[i].Name,-24} {Median(times[i]),7:F0} ({times[i].Min(),5:F0} to {times[i].Max(),5:F0})   {Median(ratios),5:F2}x ({ratios.Min():F2} to {ratios.Max():F2})");
            }
        }
        finally
        {
            cleanup();
        }
    }

    /// <summary>A plain file through AuthLogReader in a loop, for a sampling profiler: <c>hotfile auth.log 20</c>.</summary>
    public static async Task HotFile(string path, TimeSpan duration, TextWriter output)
    {
        var options = new AuthLogReaderOptions { Year = 2021, TimeZone = TimeZoneInfo.Utc };
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
            await foreach (var _ in AuthLogReader.ReadAsync(path, options)) count++;
        output.WriteLine($"file: {watch.Elapsed.TotalNanoseconds / count:F0} ns a line over {count:N0} lines");
    }

    /// <summary>
    /// The bytes a line's entry keeps in strings of its own, per line on average, for the library and the floor: every
    /// string of the entry, its event and its remote endpoint that a second parse of the same line does not return again
    /// (a string the parser interned is shared, not allocated per line). BenchmarkDotNet's Allocated less this is what a
    /// line costs beyond the kept strings. <c>kept</c>
    /// </summary>
    public static void KeptStrings(TextWriter output)
    {
        var lines = Corpus.Lines(20_000);
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        double Kept(Func<string, AuthLogEntry?> parse)
        {
            foreach (var line in lines) parse(line);
            long bytes = 0;
            foreach (var line in lines)
                if (parse(line) is { } first && parse(line) is { } second) bytes += OwnStrings(first, second);
            return bytes / (double)lines.Length;
        }
        output.WriteLine($"library      {Kept(l => AuthLogParser.Default.Parse(l.AsSpan(), resolver, default, truncated: false)),6:F0} B a line in strings of its own");
        output.WriteLine($"hand-written {Kept(l => Baselines.HandWrittenParser.Parse(l, 2021)),6:F0} B a line in strings of its own");
        output.WriteLine($"regex        {Kept(l => Baselines.RegexParser.Parse(l, 2021)),6:F0} B a line in strings of its own");
    }

    private static long OwnStrings(object first, object second)
    {
        long bytes = 0;
        foreach (var property in first.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var (a, b) = (property.GetValue(first), property.GetValue(second));
            switch (a)
            {
                case string s when !ReferenceEquals(s, b) && s.Length > 0:
                    bytes += StringBytes(s);
                    break;
                case System.Collections.Immutable.ImmutableArray<string> items when b is System.Collections.Immutable.ImmutableArray<string> others:
                    for (var i = 0; i < items.Length; i++)
                        if (!ReferenceEquals(items[i], others[i])) bytes += StringBytes(items[i]);
                    break;
                case AuthEvent or RemoteEndpoint when b is not null && !ReferenceEquals(a, b):
                    bytes += OwnStrings(a, b);
                    break;
            }
        }
        return bytes;
    }

    // A string object on 64-bit .NET: 8 B header, 8 B method table, 4 B length, UTF-16 characters and a terminator, in 8 B steps.
    private static long StringBytes(string s) => (22 + 2L * s.Length + 7) / 8 * 8;
}

/// <summary>The runtime's sampled allocation events (one per ~100 KB) by type: where a loop's bytes go.</summary>
internal sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
{
    public Dictionary<string, long> ByType { get; } = [];

    /// <summary>Only the large object heap's allocations.</summary>
    public bool LargeOnly { get; init; }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.Payload is null) return;
        if (LargeOnly && Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) != 1) return;
        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (ByType) ByType[type] = ByType.GetValueOrDefault(type) + amount;
    }
}

/// <summary>The runtime's collections by generation and reason (GCStart events): what starts them.</summary>
internal sealed class CollectionReasons : System.Diagnostics.Tracing.EventListener
{
    private static readonly string[] Reasons =
        ["small allocation", "induced", "low memory", "empty", "large allocation", "out of space (SOH)", "out of space (LOH)", "induced, not forced blocking", "stress", "low memory, induced", "induced, compacting", "low on commit", "before no-GC region", "pinned", "ephemeral budget"];

    public Dictionary<string, long> Counts { get; } = [];

    /// <summary>By generation collected: collections, microseconds from GCStart to GCEnd, bytes promoted from gen 0, and those marked from older generations (card marking).</summary>
    public Dictionary<int, (long Count, long Micros, long Promoted, long FromCards)> ByGeneration { get; } = [];

    private DateTime _start;
    private int _depth;

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        // What a young collection's time goes on: GCMarkWithType's type 3 is marking from older generations, the cards that
        // writes of young references into old objects set.
        if (e.EventName is { } other && e.Payload is not null && !other.StartsWith("GCStart", StringComparison.Ordinal))
        {
            lock (Counts)
            {
                var g = ByGeneration.GetValueOrDefault(_depth);
                if (other.StartsWith("GCEnd", StringComparison.Ordinal)) g = (g.Count + 1, g.Micros + (long)(e.TimeStamp - _start).TotalMicroseconds, g.Promoted, g.FromCards);
                else if (other.StartsWith("GCHeapStats", StringComparison.Ordinal)) g.Promoted += Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("TotalPromotedSize0")], System.Globalization.CultureInfo.InvariantCulture);
                else if (other.StartsWith("GCMarkWithType", StringComparison.Ordinal) && Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("Type")], System.Globalization.CultureInfo.InvariantCulture) == 3)
                    g.FromCards += Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("Bytes")], System.Globalization.CultureInfo.InvariantCulture);
                else return;
                ByGeneration[_depth] = g;
            }
            return;
        }
        if (e.EventName is not { } name || !name.StartsWith("GCStart", StringComparison.Ordinal) || e.Payload is null) return;
        _start = e.TimeStamp;
        var depth = _depth = Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
        var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture);
        var type = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Type")], System.Globalization.CultureInfo.InvariantCulture);
        var key = $"gen {depth} {(type == 1 ? "background" : "blocking")}: {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        lock (Counts) Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }
}
