using LogParsing.Benchmarks.Baselines;
using LogParsing.Grammar;

namespace LogParsing.Benchmarks;

/// <summary>
/// The syslog envelope alone (<c>May 31 07:07:22 nimbus sshd[52959]: </c>: month, day, time, host, program, pid), per
/// line, over the seeded real mix (classic and RFC 3339 stamps): <see cref="Syslog.TryReadHeader"/> (as the readers call it) against the baselines' own
/// header routines.
/// </summary>
public class HeaderBenchmarks : PerLineBenchmarks<string, HeaderBenchmarks.Envelope>
{
    /// <summary>The envelope of the mixed corpus's lines.</summary>
    public readonly struct Envelope : IPerLineSuite<string>
    {
        /// <inheritdoc />
        public string[] Lines(int count) => Corpus.Lines(count);

        /// <inheritdoc />
        public double AverageLineBytes(string[] lines) => TextLines.AverageBytes(lines);

        /// <inheritdoc />
        public bool HandWritten(string line) => HandWrittenParser.ParseHeader(line) is not null;

        /// <inheritdoc />
        public bool GeneratedRegex(string line) => RegexParser.ParseHeader(line) is not null;

        /// <inheritdoc />
        public bool Pidgin(string line) => Syslog.TryReadHeader(line, out _, out _);
    }
}
