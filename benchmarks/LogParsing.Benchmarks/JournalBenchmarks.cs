using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;
using LogParsing.Journal;

namespace LogParsing.Benchmarks;

/// <summary>
/// journal JSON (<c>journalctl -o json --all</c>, <see cref="JournalCorpus"/>: the seeded corpus as journald stores it)
/// into records, per line. The baselines parse each line into a <see cref="System.Text.Json.JsonDocument"/> and read
/// its message with the hand-written parser (the floor, Ratio 1.00) or the generated regexes. Pidgin is the library's
/// reader of one JSON line on the same lines; Reader is JournalReader.ReadAsync over the export as a stream, the
/// pipeline (line splitting, async enumeration) included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class JournalBenchmarks
{
    private const int Count = 20_000;
    private byte[] _export = [];
    private ReadOnlyMemory<byte>[] _lines = [];
    private JournalJsonReader _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _export = JournalCorpus.Export(Count);
        _lines = JournalCorpus.Lines(_export);
        // What JournalReader builds for a source with default options: the default grammars, stamps left in UTC.
        _json = new JournalJsonReader(AuthLogParser.Default, zone: null);
    }

    /// <summary>The floor: JsonDocument per line, the message read by the hand-written parser.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (JsonDocumentJournalReader.ReadHandWritten(line) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>JsonDocument per line, the message read by the generated regexes.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (JsonDocumentJournalReader.ReadRegex(line) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>LogParsing: the journal JSON reader (Utf8JsonReader, then the Pidgin grammars) on each line.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (_json.Read(line.Span, default).Event is not UnrecognizedEvent and not MalformedLine) recognised++;
        return recognised;
    }

    /// <summary>LogParsing: JournalReader.ReadAsync over the whole export as a stream.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> Reader()
    {
        using var stream = new MemoryStream(_export, writable: false);
        var recognised = 0;
        await foreach (var e in JournalReader.ReadAsync(stream))
            if (e.Event is not UnrecognizedEvent and not MalformedLine) recognised++;
        return recognised;
    }
}
