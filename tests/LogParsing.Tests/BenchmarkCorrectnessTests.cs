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

    [Fact]
    public void Custom_format_corpus_is_seeded()
    {
        Assert.Equal(CustomFormatBenchmarks.AppLogLines(100), CustomFormatBenchmarks.AppLogLines(100));
        Assert.NotEqual(CustomFormatBenchmarks.AppLogLines(100), CustomFormatBenchmarks.AppLogLines(100, seed: 7));
    }

    [Fact]
    public async Task Custom_format_benchmark_parses_every_generated_line_with_the_tutorial_grammar()
    {
        var benchmark = new CustomFormatBenchmarks { Lines = 2_000 };
        benchmark.Setup();
        Assert.Equal(2_000, benchmark.Grammar());
        Assert.Equal(2_000, await benchmark.Reader());
    }
}
