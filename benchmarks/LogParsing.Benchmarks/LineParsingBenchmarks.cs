using LogParsing.Grammar;
using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// Header + body into records, per line, over the seeded corpus (a busy internet-facing host's mix of sshd, PAM and cron
/// lines). Mean is per line (OperationsPerInvoke). The hand-written parser is the floor (Ratio 1.00); the generated
/// regex is what a user would write.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class LineParsingBenchmarks
{
    private const int Count = 20_000;
    private string[] _lines = [];
    private TimestampResolver _resolver = null!;

    /// <summary>Lines per invocation.</summary>
    public int Lines { get; set; } = Count;

    [GlobalSetup]
    public void Setup()
    {
        _lines = Corpus.Lines(Lines);
        _resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
    }

    /// <summary>The floor: hand-written span code for exactly these forms.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (HandWrittenParser.Parse(line, 2021) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>What users write: [GeneratedRegex] for the header and each message form.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (RegexParser.Parse(line, 2021) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>LogParsing: the Pidgin grammars into AuthLogEntry records, every field of every event.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (AuthLogParser.Default.Parse(line, _resolver, default, truncated: false).Event is not UnrecognizedEvent and not MalformedLine) recognised++;
        return recognised;
    }
}
