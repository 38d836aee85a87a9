using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// fail2ban.log records per line, over a seeded mix of Found, Ban, Unban and Increase Ban records. Mean is per line.
/// The hand-written parser is the floor (Ratio 1.00); the generated regex is what a user would write. Both read what
/// the library's records carry for these lines: stamp, logger, pid, level, jail, message, action, target and its
/// address, Found's time, Increase Ban's count, ban time and end.
/// </summary>
public class Fail2BanBenchmarks : PerLineBenchmarks<string, Fail2BanBenchmarks.Records>
{
    /// <inheritdoc />
    protected override Records CreateSuite() => new(new Fail2BanParser(new LogReaderOptions { TimeZone = TimeZoneInfo.Utc }));

    /// <summary><paramref name="count"/> fail2ban.log records (found, ban, unban, increase), the same for the same <paramref name="seed"/>.</summary>
    public static string[] Corpus(int count, int seed = 42)
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

    /// <summary>fail2ban.log records, read into entries.</summary>
    public readonly struct Records(Fail2BanParser parser) : IPerLineSuite<string>
    {
        /// <inheritdoc />
        public string[] Lines(int count) => Corpus(count);

        /// <inheritdoc />
        public double AverageLineBytes(string[] lines) => TextLines.AverageBytes(lines);

        /// <inheritdoc />
        public bool HandWritten(string line) => HandWrittenFail2BanParser.Parse(line) is not null;

        /// <inheritdoc />
        public bool GeneratedRegex(string line) => RegexFail2BanParser.Parse(line) is not null;

        /// <inheritdoc />
        public bool Pidgin(string line) => parser.TryParse(line, out var entry) && entry.Event is not Fail2Ban.UnrecognizedFail2BanEvent;
    }
}
