using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;
using LogParsing.Journal;

namespace LogParsing.Benchmarks;

/// <summary>
/// journal JSON (<c>journalctl -o json --all</c>, <see cref="JournalCorpus"/>: the seeded corpus as journald stores it)
/// into records, per line. The floor (Ratio 1.00) scans each line with one <see cref="System.Text.Json.Utf8JsonReader"/>
/// pass and reads its message with the hand-written parser; the regex baseline parses each line into a
/// <see cref="System.Text.Json.JsonDocument"/>, as users do, and reads its message with the generated regexes. Pidgin is the library's
/// reader of one JSON line on the same lines; Reader is JournalReader.ReadAsync over the export as a stream, the
/// pipeline (line splitting, async enumeration) included.
/// </summary>
public class JournalBenchmarks : PerLineBenchmarks<ReadOnlyMemory<byte>, JournalBenchmarks.Export>
{
    private byte[] _export = [];

    // What JournalReader builds for a source with default options: the default grammars, stamps left in UTC.
    /// <inheritdoc />
    protected override Export CreateSuite() => new(new JournalJsonReader(AuthLogParser.Default, zone: null));

    /// <inheritdoc />
    public override void Setup()
    {
        base.Setup();
        _export = JournalCorpus.Export(Lines);
    }

    /// <summary>JournalReader.ReadAsync over the export as a stream: pipeline, JSON, grammars, entries.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> Reader()
    {
        using var stream = new MemoryStream(_export, writable: false);
        var recognised = 0;
        await foreach (var e in JournalReader.ReadAsync(stream))
            if (e.Event is not UnrecognizedEvent and not MalformedLine) recognised++;
        return recognised;
    }

    /// <summary>The lines of a journal export, read into entries.</summary>
    public readonly struct Export : IPerLineSuite<ReadOnlyMemory<byte>>
    {
        private readonly JournalJsonReader json;

        internal Export(JournalJsonReader json) => this.json = json;

        /// <inheritdoc />
        public ReadOnlyMemory<byte>[] Lines(int count) => JournalCorpus.Lines(JournalCorpus.Export(count));

        /// <inheritdoc />
        public double AverageLineBytes(ReadOnlyMemory<byte>[] lines) => lines.Average(l => l.Length + 1);

        /// <inheritdoc />
        public bool HandWritten(ReadOnlyMemory<byte> line) => HandWrittenJournalReader.Read(line.Span) is { Event: not UnrecognizedEvent };

        /// <inheritdoc />
        public bool GeneratedRegex(ReadOnlyMemory<byte> line) => RegexJournalReader.Read(line) is { Event: not UnrecognizedEvent };

        /// <inheritdoc />
        public bool Pidgin(ReadOnlyMemory<byte> line) => json.Read(line.Span, default).Event is not UnrecognizedEvent and not MalformedLine;
    }
}
