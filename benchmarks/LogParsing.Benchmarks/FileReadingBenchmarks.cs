using LogParsing.Grammar;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// Whole files through AuthLogReader.ReadAsync: the pipeline (PipeReader, line splitting, UTF-8 decoding) around the
/// grammar, plain and gzip, against the per-line parse alone of the same lines, and the same plain file read as users
/// read it (<see cref="File.ReadLines(string)"/>) into the same records by the hand-written floor and by the regex
/// baseline. Mean is per line; each method counts the lines it read into an entry.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class FileReadingBenchmarks
{
    private const int Count = 200_000;
    private string _directory = "";
    private string _plain = "";
    private string _gzip = "";
    private string[] _lines = [];
    private readonly AuthLogReaderOptions _options = new() { Year = 2021, TimeZone = TimeZoneInfo.Utc };

    [GlobalSetup]
    public void Setup()
    {
        _lines = Corpus.Lines(Count);
        _directory = Path.Combine(Path.GetTempPath(), "logparsing-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _plain = Path.Combine(_directory, "auth.log");
        File.WriteAllLines(_plain, _lines);
        _gzip = Path.Combine(_directory, "auth.log.2.gz");
        using var source = File.OpenRead(_plain);
        using var target = new GZipStream(File.Create(_gzip), CompressionLevel.Optimal);
        source.CopyTo(target);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>The per-line parse alone (no I/O): what the pipeline adds to.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ParseOnly()
    {
        var n = 0;
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        foreach (var line in _lines)
            if (AuthLogParser.Default.Parse(line, resolver, default, truncated: false).Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>A plain file through the whole reader.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadPlainFile()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_plain, _options))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The same lines gzip-compressed: decompression overlaps parsing on another thread.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadGzipFile()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_gzip, _options))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The plain file line by line (<see cref="File.ReadLines(string)"/>), each line read by the hand-written floor.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int HandWrittenPlainFile()
    {
        var n = 0;
        foreach (var line in File.ReadLines(_plain))
            if (HandWrittenParser.Parse(line, 2021) is not null) n++;
        return n;
    }

    /// <summary>The plain file line by line (<see cref="File.ReadLines(string)"/>), each line read by the generated regexes.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int RegexPlainFile()
    {
        var n = 0;
        foreach (var line in File.ReadLines(_plain))
            if (RegexParser.Parse(line, 2021) is not null) n++;
        return n;
    }
}
