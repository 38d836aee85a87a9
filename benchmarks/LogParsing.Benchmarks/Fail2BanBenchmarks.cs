using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// fail2ban.log records per line, over a seeded mix of Found, Ban, Unban and Increase Ban records. Mean is per line.
/// The hand-written parser is the floor (Ratio 1.00); the generated regex is what a user would write. Both read what
/// the library's records carry for these lines: stamp, logger, pid, level, jail, message, action, target and its
/// address, Found's time, Increase Ban's count, ban time and end.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class Fail2BanBenchmarks
{
    private const int Count = 20_000;
    private string[] _lines = [];

    [GlobalSetup]
    public void Setup() => _lines = Lines(Count);

    /// <summary>The average length in bytes (with its newline) of a generated line, for MB/s figures.</summary>
    public static double AverageLineBytes { get; } = Lines(10_000).Average(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1);

    /// <summary>Seeded fail2ban.log lines in the current format.</summary>
    public static string[] Lines(int count, int seed = 42)
    {
        var random = new Random(seed);
        var time = new DateTime(2021, 5, 30);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(10, 5000));
            var ip = $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 254)}";
            var stamp = time.ToString("yyyy-MM-dd HH:mm:ss,fff", System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = random.Next(10) switch
            {
                < 5 => $"{stamp} fail2ban.filter         [448]: INFO    [sshd] Found {ip} - {time:yyyy-MM-dd HH:mm:ss}",
                < 7 => $"{stamp} fail2ban.actions        [448]: NOTICE  [sshd] Ban {ip}",
                < 9 => $"{stamp} fail2ban.actions        [448]: NOTICE  [sshd] Unban {ip}",
                _ => $"{stamp} fail2ban.observer       [448]: NOTICE  [sshd] Increase Ban {ip} (2 # 2:00:00 -> 2021-05-31 02:00:00)",
            };
        }
        return lines;
    }

    /// <summary>The floor: hand-written span code for exactly these records.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var n = 0;
        foreach (var line in _lines)
            if (HandWrittenFail2BanParser.Parse(line) is not null) n++;
        return n;
    }

    /// <summary>What users write: one [GeneratedRegex] for the record and its four messages.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var n = 0;
        foreach (var line in _lines)
            if (RegexFail2BanParser.Parse(line) is not null) n++;
        return n;
    }

    /// <summary>LogParsing: Fail2BanParser.TryParse on every line; returns the records recognised.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var n = 0;
        var parser = new Fail2BanParser(new LogReaderOptions { TimeZone = TimeZoneInfo.Utc });
        foreach (var line in _lines)
            if (parser.TryParse(line, out var entry) && entry.Event is not Fail2Ban.UnrecognizedFail2BanEvent) n++;
        return n;
    }
}
