using BenchmarkDotNet.Attributes;
using LogParsing.Analysis;
using LogParsing.Analysis.Detections;

namespace LogParsing.Benchmarks;

/// <summary>
/// What the analyses add to reading: a 1M-line file of the real-world corpus read alone, read into an
/// <see cref="AuthLogSummaryBuilder"/> (issue 16: at most 100 ns a line), read through
/// <see cref="AuthLogEntryStreams.WithSessionRemotes"/> (which <see cref="AuthDetections.DetectAsync(IAsyncEnumerable{AuthLogEntry}, DetectionRules?, CancellationToken)"/>
/// applies), and read with every detection rule (issue 18: at most 20%). Mean is per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class DetectionBenchmarks
{
    private const int DefaultLines = 1_000_000;
    private string _directory = "";
    private string _path = "";
    private readonly AuthLogReaderOptions _options = new() { Year = 2021, TimeZone = TimeZoneInfo.Utc };

    /// <summary>Lines in the file; the correctness test sets fewer.</summary>
    public int Lines { get; set; } = DefaultLines;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "logparsing-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "auth.log");
        File.WriteAllLines(_path, Corpus.Lines(Lines));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>The file read, each entry looked at.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DefaultLines)]
    public async Task<int> Read()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_path, _options))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The file read into a summary, as <c>authlog summary --no-detections</c> does.</summary>
    [Benchmark(OperationsPerInvoke = DefaultLines)]
    public async Task<int> ReadAndSummarize()
    {
        var builder = new AuthLogSummaryBuilder();
        await foreach (var e in AuthLogReader.ReadAsync(_path, _options))
            builder.Add(e);
        return builder.Build().DistinctRemoteHosts;
    }

    /// <summary>The file read with the connection addresses filled (the part of detection that is not the rules).</summary>
    [Benchmark(OperationsPerInvoke = DefaultLines)]
    public async Task<int> ReadWithSessionRemotes()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_path, _options).WithSessionRemotes())
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The file read with every detection rule on, the detections counted.</summary>
    [Benchmark(OperationsPerInvoke = DefaultLines)]
    public async Task<int> ReadAndDetect()
    {
        var n = 0;
        await foreach (var _ in AuthDetections.DetectAsync(AuthLogReader.ReadAsync(_path, _options)))
            n++;
        return n;
    }
}
