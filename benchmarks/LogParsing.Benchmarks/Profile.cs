using System.Diagnostics;
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
