using LogParsing.Grammar;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// Whole files through AuthLogReader.ReadAsync: the pipeline (PipeReader, line splitting, UTF-8 decoding) around the
/// grammar, plain and gzip, against the per-line parse alone of the same lines, and the same plain file read as users
/// read it (<see cref="File.ReadLines(string)"/>) into the same records by the hand-written floor and by the regex
/// baseline; and the 1M-line corpus read in order and in parallel (issue 16). Mean is per line; each method counts the
/// lines it read into an entry.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class FileReadingBenchmarks
{
    private const int Count = 200_000;
    private const int CorpusCount = 1_000_000;
    private string _directory = "";
    private string _plain = "";
    private string _gzip = "";
    private string _corpus = "";
    private string _set = "";
    private string[] _lines = [];
    // In order, as these figures were measured before parallel reading (issue 16) made the default parallel for big files.
    private readonly AuthLogReaderOptions _options = new() { Year = 2021, TimeZone = TimeZoneInfo.Utc, MaxDegreeOfParallelism = 1 };
    // The default: the processor count for a file of 4 MiB or more.
    private readonly AuthLogReaderOptions _parallel = new() { Year = 2021, TimeZone = TimeZoneInfo.Utc };

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
        // The same lines as a rotation set of four gzip files (auth.log.4.gz, oldest, to auth.log.1.gz) and an empty auth.log.
        var set = Directory.CreateDirectory(Path.Combine(_directory, "set")).FullName;
        for (var i = 0; i < 4; i++)
        {
            using var member = new GZipStream(File.Create(Path.Combine(set, $"auth.log.{4 - i}.gz")), CompressionLevel.Optimal);
            member.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', _lines[(i * Count / 4)..((i + 1) * Count / 4)]) + "\n"));
        }
        _set = Path.Combine(set, "auth.log");
        File.WriteAllText(_set, "");
        _corpus = Path.Combine(_directory, "auth-1m.log");
        File.WriteAllLines(_corpus, Corpus.Lines(CorpusCount));
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

    /// <summary>
    /// The same plain file read as by default (23 MB, so split in order and parsed on every core): the library's
    /// whole-file read as a user gets it, against <see cref="RegexPlainFile"/> and <see cref="HandWrittenPlainFile"/> on
    /// one thread each.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadPlainFileAsDefault()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_plain, _parallel))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The 1M-line corpus (122 MB) read in order: the baseline of parallel reading.</summary>
    [Benchmark(OperationsPerInvoke = CorpusCount)]
    public async Task<int> ReadCorpusSequential()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_corpus, _options))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The same file read as by default: split in order, parsed in chunks on every core, yielded in order.</summary>
    [Benchmark(OperationsPerInvoke = CorpusCount)]
    public async Task<int> ReadCorpusParallel()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_corpus, _parallel))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The 200,000 lines gzip-compressed, read as by default: decompressed in order, parsed in parallel.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadGzipFileParallel()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_gzip, _parallel with { MaxDegreeOfParallelism = Environment.ProcessorCount }))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The 200,000 lines as a rotation set of four gzip files, one file after the other.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadGzipSetSequential()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_set, _options with { IncludeRotated = true }))
            if (e.Event is not MalformedLine) n++;
        return n;
    }

    /// <summary>The same set as by default when it is big: its files read side by side, yielded in order.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> ReadGzipSetParallel()
    {
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(_set, _parallel with { IncludeRotated = true, MaxDegreeOfParallelism = Environment.ProcessorCount }))
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
