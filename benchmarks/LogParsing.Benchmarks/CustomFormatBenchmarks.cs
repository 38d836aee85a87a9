using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pidgin;
using Tutorial;

namespace LogParsing.Benchmarks;

/// <summary>
/// The tutorial's application-log grammar (docs/custom-formats.md, <c>2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4</c>):
/// per line against the two baselines (hand-written span code, the floor; a generated regex), and through
/// <see cref="LogReader"/> over an in-memory file, on a seeded corpus.
/// </summary>
[MemoryDiagnoser]
public class CustomFormatBenchmarks
{
    // What LogReader runs: the grammar, then nothing left. Built once, as a grammar should be.
    private static readonly Parser<char, AppLogEvent> WholeLine = AppLogGrammar.Line.Before(Parser<char>.End);

    private static readonly string[] Users = ["bob", "alice", "root", "admin", "deploy", "guest"];

    private string[] _lines = [];
    private byte[] _file = [];

    /// <summary>Lines per invocation.</summary>
    [Params(10_000)]
    public int Lines { get; set; }

    /// <summary>Generates the corpus, as lines and as the bytes of a file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lines = AppLogLines(Lines);
        _file = Encoding.UTF8.GetBytes(string.Join('\n', _lines) + "\n");
    }

    /// <summary>The floor: hand-written span code into the same records.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var parsed = 0;
        foreach (var line in _lines)
        {
            if (Baselines.HandWrittenAppLogParser.Parse(line) is not null) parsed++;
        }
        return parsed;
    }

    /// <summary>What users write: [GeneratedRegex] for the line and its pairs.</summary>
    [Benchmark]
    public int GeneratedRegex()
    {
        var parsed = 0;
        foreach (var line in _lines)
        {
            if (Baselines.RegexAppLogParser.Parse(line) is not null) parsed++;
        }
        return parsed;
    }

    /// <summary>The grammar on every line; returns the number parsed (checked by the correctness test).</summary>
    [Benchmark]
    public int Grammar()
    {
        var parsed = 0;
        foreach (var line in _lines)
        {
            if (WholeLine.Parse(line).Success) parsed++;
        }
        return parsed;
    }

    /// <summary>LogReader.ReadAsync over the corpus as a stream: pipeline, UTF-8 decoding, records; returns the number parsed.</summary>
    [Benchmark]
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
}
