using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tutorial;

namespace LogParsing.Benchmarks;

/// <summary>
/// The tutorial's application-log grammar (docs/custom-formats.md, <c>2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4</c>):
/// per line against the two baselines (hand-written span code, the floor; a generated regex) into the tutorial's records,
/// <see cref="LogParser{T}"/> (the grammar run to the end of the line, as the reader runs it), and <see cref="Reader"/>
/// through <see cref="LogReader"/> over the corpus as a stream, on a seeded corpus.
/// </summary>
public class CustomFormatBenchmarks : PerLineBenchmarks<string, CustomFormatBenchmarks.AppLog>
{
    private static readonly string[] Users = ["bob", "alice", "root", "admin", "deploy", "guest"];

    private byte[] _file = [];

    /// <inheritdoc />
    protected override AppLog CreateSuite() => new(new LogParser<AppLogEvent>(AppLogGrammar.Line));

    /// <inheritdoc />
    public override void Setup()
    {
        base.Setup();
        _file = Encoding.UTF8.GetBytes(string.Join('\n', AppLogLines(Lines)) + "\n");
    }

    /// <summary>LogReader.ReadAsync over the corpus as a stream: pipeline, UTF-8 decoding, records; returns the number parsed.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> Reader()
    {
        using var stream = new MemoryStream(_file, writable: false);
        var parsed = 0;
        await foreach (var record in LogReader.ReadAsync(stream, AppLogGrammar.Line))
        {
            if (record.Success) parsed++;
        }
        return parsed;
    }

    /// <summary><paramref name="count"/> lines of the tutorial's format, the same for the same <paramref name="seed"/>.</summary>
    public static string[] AppLogLines(int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = new string[count];
        var time = new DateTime(2024, 5, 31, 0, 0, 0);
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(1, 2000));
            var stamp = time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var user = Users[random.Next(Users.Length)];
            var ip = $"{random.Next(1, 223)}.{random.Next(0, 255)}.{random.Next(0, 255)}.{random.Next(1, 254)}";
            lines[i] = random.Next(100) switch
            {
                < 40 => $"{stamp} [WARN] login failed user={user} ip={ip}",
                < 70 => $"{stamp} [INFO] login ok user={user} ip={ip} session={random.Next():x8}",
                < 85 => $"{stamp} [DEBUG] cache hit key=user:{user} ms={random.Next(1, 50)}",
                < 95 => $"{stamp} [INFO] health check ok",
                _ => $"{stamp} [ERROR] database timeout after {random.Next(5, 60)}s",
            };
        }
        return lines;
    }

    /// <summary>The tutorial's application log, read into its records.</summary>
    public readonly struct AppLog(LogParser<AppLogEvent> parser) : IPerLineSuite<string>
    {
        /// <inheritdoc />
        public string[] Lines(int count) => AppLogLines(count);

        /// <inheritdoc />
        public double AverageLineBytes(string[] lines) => TextLines.AverageBytes(lines);

        /// <inheritdoc />
        public bool HandWritten(string line) => Baselines.HandWrittenAppLogParser.Parse(line) is not null;

        /// <inheritdoc />
        public bool GeneratedRegex(string line) => Baselines.RegexAppLogParser.Parse(line) is not null;

        /// <inheritdoc />
        public bool Pidgin(string line) => parser.TryParse(line, out _);
    }
}
