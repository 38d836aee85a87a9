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
