using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;
using LogParsing.Grammar;

namespace LogParsing.Benchmarks;

/// <summary>
/// Header + body into records, per line, one family at a time (<see cref="FamilyCorpus"/>): sshd, PAM, and cron, sudo
/// and systemd-logind together. Both baselines make the library's records with every field the library fills, which
/// the correctness test compares with the library's entries field by field.
/// </summary>
public class FamilyBenchmarks : PerLineBenchmarks<string, FamilyBenchmarks.OneFamily>
{
    /// <summary>The family of every line: <c>sshd</c>, <c>pam</c> or <c>cron-sudo-logind</c>.</summary>
    [Params("sshd", "pam", "cron-sudo-logind")]
    public string Family { get; set; } = "sshd";

    /// <inheritdoc />
    protected override OneFamily CreateSuite() => new(Family, new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));

    /// <summary>One family's lines, read into entries.</summary>
    public readonly struct OneFamily : IPerLineSuite<string>
    {
        private readonly string family;
        private readonly TimestampResolver resolver;

        internal OneFamily(string family, TimestampResolver resolver) => (this.family, this.resolver) = (family, resolver);

        /// <inheritdoc />
        public string[] Lines(int count) => FamilyCorpus.Lines(family, count);

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
