using LogParsing.Benchmarks;

namespace LogParsing.Tests;

/// <summary>Each benchmark method run once and its result checked: benchmarks must measure working code. Nothing is timed.</summary>
public class BenchmarkCorrectnessTests
{
    [Fact]
    public void Corpus_is_seeded()
    {
        Assert.Equal(Corpus.Lines(100), Corpus.Lines(100));
        Assert.NotEqual(Corpus.Lines(100), Corpus.Lines(100, seed: 7));
    }

    [Fact]
    public void Line_parsing_benchmark_recognises_every_generated_line()
    {
        var benchmark = new LineParsingBenchmarks { Lines = 2_000 };
        benchmark.Setup();
        Assert.Equal(2_000, benchmark.Pidgin());
    }
}
