using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;
using LogParsing.Grammar;
using Pidgin;

namespace LogParsing.Benchmarks;

/// <summary>
/// The syslog envelope alone (<c>May 31 07:07:22 nimbus sshd[52959]: </c>: month, day, time, host, program, pid), per
/// line, over the seeded corpus: <see cref="Syslog.Header"/> against the baselines' own header routines.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class HeaderBenchmarks
{
    private const int Count = 20_000;
    private string[] _lines = [];

    [GlobalSetup]
    public void Setup() => _lines = Corpus.Lines(Count);

    /// <summary>The floor: a hand-written span scan of the classic stamp, host and tag.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var read = 0;
        foreach (var line in _lines)
            if (HandWrittenParser.ParseHeader(line) is not null) read++;
        return read;
    }

    /// <summary>What users write: one [GeneratedRegex] for the envelope.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var read = 0;
        foreach (var line in _lines)
            if (RegexParser.ParseHeader(line) is not null) read++;
        return read;
    }

    /// <summary>LogParsing: Syslog.Header, which also reads RFC 3339, RFC 5424, BSD and busybox envelopes.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var read = 0;
        foreach (var line in _lines)
            if (Syslog.Header.Parse(line.AsSpan()).Success) read++;
        return read;
    }
}
