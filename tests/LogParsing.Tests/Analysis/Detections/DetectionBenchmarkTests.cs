using LogParsing.Benchmarks;

namespace LogParsing.Tests.Analysis.Detections;

/// <summary>The detection benchmark measures what it says: every method once on a small corpus, nothing timed.</summary>
public class DetectionBenchmarkTests
{
    [Fact]
    public async Task The_detection_benchmark_reads_every_line_summarizes_and_detects_on_the_corpus()
    {
        var benchmark = new DetectionBenchmarks { Lines = 20_000 };
        benchmark.Setup();
        try
        {
            Assert.Equal(20_000, await benchmark.Read());
            Assert.Equal(20_000, await benchmark.ReadWithSessionRemotes());
            Assert.True(await benchmark.ReadAndSummarize() > 100);
            // The corpus is an exposed host's: half its probes come from a few hundred hosts that keep coming back.
            Assert.True(await benchmark.ReadAndDetect() > 0);
        }
        finally
        {
            benchmark.Cleanup();
        }
    }
}
