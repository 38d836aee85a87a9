using BenchmarkDotNet.Attributes;

namespace LogParsing.Benchmarks;

/// <summary>Header + body grammar into records, per line, over the seeded corpus.</summary>
[MemoryDiagnoser]
public class LineParsingBenchmarks
{
    private string[] _lines = [];

    /// <summary>Lines per invocation.</summary>
    [Params(10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _lines = Corpus.Lines(Lines);

    /// <summary>AuthLogParser.TryParse on every line; returns the number recognised (checked by the correctness test).</summary>
    [Benchmark]
    public int Pidgin()
    {
        var recognised = 0;
        foreach (var line in _lines)
        {
            if (AuthLogParser.Default.TryParse(line, out var entry) && entry.Event is not UnrecognizedEvent) recognised++;
        }
        return recognised;
    }
}
