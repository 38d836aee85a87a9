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
            for (var warm = 0; warm < 5; warm++) for (var i = 0; i < lines.Length; i++) work(i);
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
}
