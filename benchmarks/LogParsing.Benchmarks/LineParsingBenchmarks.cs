using LogParsing.Benchmarks.Baselines;
using LogParsing.Grammar;

namespace LogParsing.Benchmarks;

/// <summary>
/// Header + body into records, per line, over the seeded real mix (<see cref="Corpus.Lines"/>): the hand-written parser is
/// the floor (Ratio 1.00), the generated regex what a user would write, and LogParsing; all three make the library's
/// records with every field (BenchmarkCorrectnessTests compares them line by line). Each counts the lines it recognised
/// (an <see cref="UnrecognizedEvent"/> is read but not counted).
/// </summary>
public class LineParsingBenchmarks : PerLineBenchmarks<string, LineParsingBenchmarks.Mixed>
{
    /// <inheritdoc />
    protected override Mixed CreateSuite() => new(new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));

    /// <summary>The mixed corpus, read into entries.</summary>
    public readonly struct Mixed : IPerLineSuite<string>
    {
        private readonly TimestampResolver resolver;

        internal Mixed(TimestampResolver resolver) => this.resolver = resolver;

        /// <inheritdoc />
        public string[] Lines(int count) => Corpus.Lines(count);

        /// <inheritdoc />
        public double AverageLineBytes(string[] lines) => TextLines.AverageBytes(lines);

        /// <inheritdoc />
        public bool HandWritten(string line) => HandWrittenParser.Parse(line, 2021) is { Event: not UnrecognizedEvent };

        /// <inheritdoc />
        public bool GeneratedRegex(string line) => RegexParser.Parse(line, 2021) is { Event: not UnrecognizedEvent };

        /// <inheritdoc />
        public bool Pidgin(string line) =>
            AuthLogParser.Default.Parse(line, resolver, default, truncated: false).Event is not UnrecognizedEvent and not MalformedLine;
    }
}
