using LogParsing.Analysis.Detections;

namespace LogParsing.Tests.Analysis.Detections;

/// <summary>The detector runs for months on a follow: its tables stay within their caps however many sources and names come.</summary>
public class DetectorBoundsTests
{
    [Fact]
    public void Five_million_entries_keep_every_table_within_its_cap()
    {
        var rules = DetectionRules.Default with { MaxSources = 1_000, MaxUsers = 500, MaxSudoUsers = 200, MaxDistinctUsersPerSource = 16 };
        // Every per-source part at its fullest: windows of 5, buckets' first and last evidence and names, rings of the last failures.
        var perSource = 5 + 5 + 2 * (2 * rules.EvidenceCap + rules.UsersCap) + (2 * rules.EvidenceCap + rules.UsersCap + rules.MaxDistinctUsersPerSource)
            + (2 * rules.EvidenceCap + rules.UsersCap + 4) + rules.SuccessAfterFailures.MinFailures;
        var perUser = rules.SuccessAfterFailures.MinFailures + rules.DistributedBruteForce.MinSources;
        var held = (long)rules.MaxSources * perSource + (long)rules.MaxUsers * perUser;

        var pool = Pool();
        var detector = new Detector(rules);
        var start = new DateTimeOffset(2021, 5, 31, 0, 0, 0, TimeSpan.Zero);
        long detections = 0;
        for (var i = 0; i < 5_000_000; i++)
        {
            // 20 ms a line: 5 million lines are 28 hours of a server under a wide, many-named attack.
            var entry = pool[i % pool.Length] with { Timestamp = start.AddTicks(i * 20 * TimeSpan.TicksPerMillisecond) };
            detections += detector.Add(entry).Length;
            if (i % 250_000 != 0) continue;
            Assert.InRange(detector.SourceCount, 0, rules.MaxSources);
            Assert.InRange(detector.UserCount, 0, rules.MaxUsers);
            Assert.InRange(detector.SudoUserCount, 0, rules.MaxSudoUsers);
            Assert.InRange(detector.HeldItems(), 0, held);
        }
        Assert.Equal((rules.MaxSources, rules.MaxSudoUsers), (detector.SourceCount, detector.SudoUserCount));
        Assert.InRange(detector.HeldItems(), 0, held);
        Assert.True(detections > 0);
    }

    [Fact]
    public void A_user_name_written_by_different_strings_is_one_string_in_the_state()
    {
        // The parser's pool makes a name again when other texts take its slots: the detector keeps one copy of it.
        var detector = new Detector();
        var fired = new List<Detection>();
        for (var source = 1; source <= 2; source++)
            for (var i = 0; i < 5; i++)
            {
                var entry = AuthLogParser.Default.Parse($"May 31 07:0{source}:1{i} nimbus sshd[{source * 10 + i}]: {Failed("admin", $"203.0.113.{source}")}");
                fired.AddRange(detector.Add(entry with { Event = entry.Event with { User = new string("admin".AsSpan()) } }));
            }

        var bruteForce = fired.Where(d => d.RuleId == DetectionRuleIds.BruteForce).ToList();
        Assert.Equal(["203.0.113.1", "203.0.113.2"], bruteForce.Select(d => d.SourceHost));
        Assert.Same(bruteForce[0].Users.Single(), bruteForce[1].Users.Single());
        Assert.Equal(1, detector.NameCount);
    }

    [Fact]
    public void The_user_names_it_keeps_stay_within_their_cap()
    {
        var detector = new Detector();
        var start = new DateTimeOffset(2021, 5, 31, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3 * Detector.MaxNames; i++)
        {
            var entry = AuthLogParser.Default.Parse($"May 31 07:00:00 nimbus sshd[{i}]: {Failed("user" + i, "203.0.113.9")}");
            detector.Add(entry with { Timestamp = start.AddSeconds(i) });
            Assert.InRange(detector.NameCount, 1, Detector.MaxNames);
        }
    }

    // auth2.c "Failed %s for %s%.100s from %.200s port %d ssh2"
    private static string Failed(string user, string ip) => $"Failed password for {user} from {ip} port 50000 ssh2";

    [Fact]
    public async Task A_source_given_the_state_of_one_that_left_counts_from_nothing()
    {
        // One source at a time: the second takes the state the first left, which must count none of the first's failures.
        var rules = DetectionRules.Default with { MaxSources = 1 };
        var log = new DetectionLog();
        for (var i = 0; i < 4; i++) log.At(i * 10, Failed("root", "203.0.113.1"));
        for (var i = 0; i < 4; i++) log.At(100 + i * 10, Failed("admin", "203.0.113.2"));
        Assert.Empty(await log.DetectAsync(rules));
        log.At(140, Failed("admin", "203.0.113.2"));
        var fired = Assert.Single(await log.DetectAsync(rules));
        Assert.Equal((DetectionRuleIds.BruteForce, "203.0.113.2", 5L), (fired.RuleId, fired.SourceHost, fired.Count));
        Assert.Equal([5L, 6, 7, 8, 9], fired.Evidence.Select(p => p.Line));
        Assert.Equal(["admin"], fired.Users);
    }

    [Fact]
    public async Task A_source_given_the_state_of_a_banned_one_is_not_banned()
    {
        // The first source fires brute force and would be banned for ten minutes (its later failures count for nothing);
        // the second, in the state it left, fires on its own fifth failure.
        var rules = DetectionRules.Default with { MaxSources = 1 };
        var log = new DetectionLog();
        for (var i = 0; i < 9; i++) log.At(i * 10, Failed("root", "203.0.113.1"));
        for (var i = 0; i < 5; i++) log.At(100 + i * 10, Failed("admin", "203.0.113.2"));
        var fired = (await log.DetectAsync(rules)).Where(d => d.RuleId == DetectionRuleIds.BruteForce).ToList();
        Assert.Equal(["203.0.113.1", "203.0.113.2"], fired.Select(d => d.SourceHost));
        Assert.Equal([10L, 11, 12, 13, 14], fired[1].Evidence.Select(p => p.Line));
    }

    [Fact]
    public void Sources_one_after_another_in_a_table_of_one_fire_as_each_would_alone()
    {
        // A table of one source: each source that comes takes the state (and the rules' parts) the last one left. Two hundred and
        // forty sources, each with its own names, one after another, with failures, probes and timeouts at random gaps: what
        // fires must be what each source's lines fire in a detector of their own, detection for detection, every rule among them.
        var random = new Random(41);
        var rules = DetectionRules.Default with { MaxSources = 1 };
        var t = new DateTimeOffset(2021, 5, 31, 0, 0, 0, TimeSpan.Zero);
        var bySource = new List<List<AuthLogEntry>>();
        var line = 0;
        for (var source = 0; source < 240; source++)
        {
            var ip = $"198.51.100.{source + 1}";
            var entries = new List<AuthLogEntry>();
            void Add(double seconds, string message)
            {
                t = t.AddSeconds(seconds);
                var entry = AuthLogParser.Default.Parse($"May 31 00:00:00 nimbus sshd[{line}]: {message}");
                entries.Add(entry with { Timestamp = t, Position = new LogPosition("auth.log", ++line) { ByteOffset = line * 100L } });
            }
            // Each source in one manner, so that every rule fires now and then: a spray of names, a burst on one name, a
            // regreSSHion probe's timeouts, a slow brute force, key-exchange probes, or a mix at random gaps.
            switch (random.Next(6))
            {
                case 0:
                    for (var i = random.Next(3, 20); i > 0; i--) Add(1, $"Invalid user guest{source}x{i} from {ip} port 50000");
                    break;
                case 1:
                    for (var i = random.Next(2, 15); i > 0; i--) Add(random.Next(1, 5), $"Failed password for root{source} from {ip} port 50000 ssh2");
                    break;
                case 2:
                    for (var i = random.Next(10, 30); i > 0; i--) Add(random.Next(2), $"fatal: Timeout before authentication for {ip} port 50000");
                    break;
                case 3:
                    for (var i = random.Next(5, 30); i > 0; i--) Add(30, $"Failed password for user{source}x{random.Next(3)} from {ip} port 50000 ssh2");
                    break;
                case 4:
                    for (var i = random.Next(2, 12); i > 0; i--) Add(random.Next(1, 20), $"Unable to negotiate with {ip} port 50000: no matching host key type found. Their offer: ssh-rsa [preauth]");
                    break;
                default:
                    for (var i = random.Next(1, 40); i > 0; i--)
                        Add(random.Next(10) switch { < 5 => random.Next(1, 3), < 8 => random.Next(1, 40), _ => random.Next(60, 900) }, random.Next(20) switch
                        {
                            < 6 => $"Failed password for user{source}x{random.Next(3)} from {ip} port 50000 ssh2",
                            < 11 => $"Failed password for invalid user guest{source}x{random.Next(30)} from {ip} port 50000 ssh2",
                            < 13 => $"Invalid user guest{source}x{random.Next(30)} from {ip} port 50000",
                            < 17 => $"fatal: Timeout before authentication for {ip} port 50000",
                            < 19 => $"Unable to negotiate with {ip} port 50000: no matching host key type found. Their offer: ssh-rsa [preauth]",
                            _ => $"Accepted password for user{source}x0 from {ip} port 50000 ssh2",
                        });
                    break;
            }
            bySource.Add(entries);
            // The next source soon after: the table of one forgets this one at the next one's first line, whatever its
            // windows, buckets and suppressions still hold.
            t = t.AddSeconds(random.Next(1, 60));
        }

        var shared = new Detector(rules);
        var together = bySource.SelectMany(entries => entries.SelectMany(e => shared.Add(e))).Select(Shape).ToList();
        var alone = bySource.SelectMany(entries =>
        {
            var own = new Detector(rules);
            return entries.SelectMany(e => own.Add(e)).Select(Shape).ToList();
        }).ToList();
        string[] fired =
        [
            DetectionRuleIds.BruteForce, DetectionRuleIds.Cve20246387, DetectionRuleIds.ProtocolProbing, DetectionRuleIds.SlowBruteForce,
            DetectionRuleIds.SuccessAfterFailures, DetectionRuleIds.TimeBasedBruteForce, DetectionRuleIds.UserEnumeration,
        ];
        Assert.Equal(fired.Order(StringComparer.Ordinal), alone.Select(d => d[..d.IndexOf(' ')]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(alone, together);
    }

    private static string Shape(Detection d) =>
        $"{d.RuleId} {d.SourceHost} {d.User} {string.Join(',', d.Users)} {d.Count} {d.First:O} {d.Last:O} {string.Join(',', d.Evidence.Select(p => p.Line))} {d.Description}";

    // Parsed once, reused with new stamps: 7919 entries (a prime, so that sources, names and kinds mix) over 5,000
    // sources, 3,000 user names and 1,000 sudo users, in the forms of docs/samples/auth.log and reference/message-catalog.md.
    private static AuthLogEntry[] Pool()
    {
        var parser = AuthLogParser.Default;
        var pool = new AuthLogEntry[7919];
        for (var i = 0; i < pool.Length; i++)
        {
            var ip = $"10.{i % 5000 / 250}.{i % 250}.{i % 5000 % 7 + 1}";
            var user = $"user{i % 3000}";
            var message = (i % 10) switch
            {
                0 or 1 or 2 => $"sshd[{i}]: Failed password for {user} from {ip} port {1024 + i} ssh2",
                3 or 4 => $"sshd[{i}]: Invalid user {user} from {ip} port {1024 + i}",
                5 => $"sshd[{i}]: fatal: Timeout before authentication for {ip} port {1024 + i}",
                6 => $"sshd[{i}]: Accepted password for {user} from {ip} port {1024 + i} ssh2",
                7 => $"sudo:    sudo{i / 10} : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/id",
                8 => $"sshd[{i}]: Unable to negotiate with {ip} port {1024 + i}: no matching host key type found. Their offer: ssh-rsa [preauth]",
                _ => $"sshd[{i}]: srclimit_penalise: ipv4: new {ip}/32 active penalty of 30.000 seconds for penalty: failed authentication",
            };
            pool[i] = parser.Parse($"May 31 00:00:00 nimbus {message}");
        }
        return pool;
    }
}
