using Snapshooter.Xunit3;
using System.Text;
using LogParsing.Analysis;

namespace LogParsing.Tests.Analysis;

/// <summary>The whole summary of the seed post's log, every host and user (the CLI shows only the top of each).</summary>
public class SummaryTests
{
    [Fact]
    public async Task The_seed_posts_summary_is_the_snapshot()
    {
        var entries = AuthLogReader.ReadAsync(Fixture.Path("seed-auth.log"), Fixture.Utc(year: 2021), TestContext.Current.CancellationToken);
        var s = await AuthLogSummary.SummarizeAsync(entries, TestContext.Current.CancellationToken);

        var text = new StringBuilder()
            .AppendLine($"span {s.First:O} .. {s.Last:O}; lines {s.Lines}, malformed {s.Malformed}, unrecognized {s.Unrecognized}")
            .AppendLine($"failures {s.Failures}, successes {s.Successes}, remote hosts {s.DistinctRemoteHosts}, attacking {s.DistinctAttackingHosts}");
        foreach (var (name, count) in s.EventCounts) text.AppendLine($"event {name} {count}");
        foreach (var (hour, count) in s.FailuresPerHour) text.AppendLine($"hour {hour:O} {count}");
        foreach (var h in s.Hosts) text.AppendLine($"host {h.Host} failures {h.Failures} attempts {h.Attempts} users {h.Users} {h.First:O} .. {h.Last:O}");
        foreach (var (user, count) in s.UsersTried) text.AppendLine($"user '{user}' {count}");
        foreach (var a in s.Accepted) text.AppendLine($"accepted {a.Timestamp:O} {a.User} {a.Remote} {a.Method}");
        Snapshot.Match(text.ToString());
    }

    [Fact]
    public async Task Connections_and_users_are_counted_once_each_per_host_and_per_user()
    {
        // OpenSSH 9.x auth2.c/auth.c forms ("Invalid user %s from %s port %d", "Failed password for [invalid user ]%s from %s
        // port %d ssh2"), util-linux su-common.c ("FAILED SU (to %s) %s on %s"). Two connections of one host interleave
        // (pids 100 and 101), one tries two names, pid 100 recurs on another machine for another host, and su logs with and
        // without a pid.
        using var dir = new TempDir();
        var path = dir.File("auth.log",
            "Mar  6 06:00:01 web1 sshd[100]: Invalid user oracle from 203.0.113.5 port 40000\n" +
            "Mar  6 06:00:02 web1 sshd[100]: Failed password for invalid user oracle from 203.0.113.5 port 40000 ssh2\n" +
            "Mar  6 06:00:03 web1 sshd[101]: Failed password for root from 203.0.113.5 port 40002 ssh2\n" +
            "Mar  6 06:00:04 web1 sshd[100]: Failed password for invalid user oracle from 203.0.113.5 port 40000 ssh2\n" +
            "Mar  6 06:00:05 web1 sshd[100]: Failed password for invalid user admin from 203.0.113.5 port 40000 ssh2\n" +
            "Mar  6 06:00:06 web2 sshd[100]: Failed password for root from 198.51.100.7 port 5555 ssh2\n" +
            "Mar  6 06:21:40 web1 su: FAILED SU (to root) alice on pts/0\n" +
            "Mar  6 06:21:50 web1 su: FAILED SU (to root) alice on pts/0\n" +
            "Mar  6 06:22:00 web1 su[2000]: FAILED SU (to root) alice on pts/1\n");
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(
            [("203.0.113.5", 5L, 2L, 3), ("198.51.100.7", 1L, 1L, 1)],
            s.Hosts.Select(h => (h.Host, h.Failures, h.Attempts, h.Users)));
        Assert.Equal(
            [new("alice", 2), new("root", 2), new("admin", 1), new KeyValuePair<string, long>("oracle", 1)],
            s.UsersTried);
        Assert.Equal((9, 2), (s.Failures, s.DistinctRemoteHosts));
    }

    [Fact]
    public async Task A_connection_that_switches_names_counts_each_name_once()
    {
        // OpenSSH 9.x forms: "Connection closed by %s port %d [preauth]" (no user yet, a failure in fail2ban's aggressive
        // mode), then "Failed password for %s from %s port %d ssh2" with two names in turn on one connection (pid 300).
        using var dir = new TempDir();
        var path = dir.File("auth.log",
            "Mar  6 07:00:01 web1 sshd[300]: Connection closed by 203.0.113.9 port 4100 [preauth]\n" +
            "Mar  6 07:00:02 web1 sshd[300]: Failed password for root from 203.0.113.9 port 4100 ssh2\n" +
            "Mar  6 07:00:03 web1 sshd[300]: Failed password for admin from 203.0.113.9 port 4100 ssh2\n" +
            "Mar  6 07:00:04 web1 sshd[300]: Failed password for root from 203.0.113.9 port 4100 ssh2\n" +
            "Mar  6 07:00:05 web1 sshd[300]: Failed password for admin from 203.0.113.9 port 4100 ssh2\n" +
            "Mar  6 07:00:06 web1 sshd[301]: Failed password for admin from 203.0.113.9 port 4102 ssh2\n");
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal([("203.0.113.9", 6L, 2L, 2)], s.Hosts.Select(h => (h.Host, h.Failures, h.Attempts, h.Users)));
        Assert.Equal([new("admin", 2), new KeyValuePair<string, long>("root", 1)], s.UsersTried);
    }

    [Fact]
    public async Task Connections_that_return_after_many_others_are_counted_once_and_ties_rank_by_name()
    {
        // OpenSSH 9.x forms ("Invalid user %s from %s port %d", "Failed password for invalid user %s from %s port %d ssh2").
        // Twelve connections from twelve hosts interleave, more than the builder keeps at hand, and each returns after the
        // other eleven; the hosts tie on failures and share their first ten characters, so the names decide their order.
        // 198.51.100.1 tries root on two connections: two attempts, one user, and first by name among the ties.
        using var dir = new TempDir();
        var log = new StringBuilder();
        string User(int i) => i % 3 == 0 ? "pi" : "oracle";
        for (var i = 1; i <= 12; i++) log.Append($"Mar  6 08:00:{i:00} web1 sshd[{400 + i}]: Invalid user {User(i)} from 203.0.113.{i} port {5000 + i}\n");
        for (var i = 1; i <= 12; i++) log.Append($"Mar  6 08:01:{i:00} web1 sshd[{400 + i}]: Failed password for invalid user {User(i)} from 203.0.113.{i} port {5000 + i} ssh2\n");
        log.Append("Mar  6 08:02:00 web1 sshd[500]: Failed password for root from 198.51.100.1 port 6000 ssh2\n");
        log.Append("Mar  6 08:02:01 web1 sshd[501]: Failed password for root from 198.51.100.1 port 6001 ssh2\n");
        var path = dir.File("auth.log", log.ToString());
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        string[] byName = ["203.0.113.1", "203.0.113.10", "203.0.113.11", "203.0.113.12", .. Enumerable.Range(2, 8).Select(i => $"203.0.113.{i}")];
        Assert.Equal(
            [("198.51.100.1", 2L, 2L, 1), .. byName.Select(h => (h, 2L, 1L, 1))],
            s.Hosts.Select(h => (h.Host, h.Failures, h.Attempts, h.Users)));
        Assert.Equal([new("oracle", 8), new("pi", 4), new KeyValuePair<string, long>("root", 2)], s.UsersTried);
    }

    [Fact]
    public async Task Thousands_of_interleaved_connections_count_as_sets_of_them_would()
    {
        // OpenSSH 9.x forms ("Invalid user %s from %s port %d", "Failed password for invalid user %s from %s port %d ssh2").
        // 3,000 connections of 400 hosts, each logging two to four failures spread over the log, some switching names, and
        // pids reused by other hosts: enough to grow the builder's connection table and pair set many times over. The
        // counts are checked against sets built from the same lines.
        using var dir = new TempDir();
        var random = new Random(16);
        var connections = Enumerable.Range(0, 3000).Select(i => (Host: $"198.51.{random.Next(2)}.{random.Next(200)}", Pid: 1000 + random.Next(2500))).Distinct().ToArray();
        var lines = connections.SelectMany(c => Enumerable.Range(0, 2 + random.Next(3)).Select(_ => (c.Host, c.Pid, User: $"u{random.Next(60)}")))
            .OrderBy(_ => random.Next()).ToArray();
        var log = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var (host, pid, user) = lines[i];
            var stamp = new DateTime(2021, 3, 6, 8, 0, 0).AddSeconds(i);
            log.Append(i % 2 == 0
                ? $"{stamp:MMM} {stamp.Day,2} {stamp:HH:mm:ss} web1 sshd[{pid}]: Invalid user {user} from {host} port {pid}\n"
                : $"{stamp:MMM} {stamp.Day,2} {stamp:HH:mm:ss} web1 sshd[{pid}]: Failed password for invalid user {user} from {host} port {pid} ssh2\n");
        }
        var path = dir.File("auth.log", log.ToString());
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var expectedHosts = lines.GroupBy(l => l.Host).ToDictionary(
            g => g.Key, g => ((long)g.Count(), (long)g.Select(l => l.Pid).Distinct().Count(), g.Select(l => l.User).Distinct().Count()));
        Assert.Equal(expectedHosts.Count, s.Hosts.Length);
        foreach (var h in s.Hosts) Assert.Equal(expectedHosts[h.Host], (h.Failures, h.Attempts, h.Users));
        var expectedUsers = lines.GroupBy(l => l.User).ToDictionary(g => g.Key, g => (long)g.Select(l => (l.Host, l.Pid)).Distinct().Count());
        Assert.Equal(expectedUsers.OrderBy(p => p.Key, StringComparer.Ordinal), s.UsersTried.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ten_thousand_hosts_keep_each_its_own_failures_and_first_and_last_times()
    {
        // The host rows are kept in chunks of 4,096 (the first growing from 256): hosts on both sides of each chunk edge,
        // and hosts seen again after thousands of others, must keep their own counts and times.
        // OpenSSH 9.x "Invalid user %s from %s port %d"; host k of 10,000 fails 1 + k % 3 times, its lines spread over the log.
        using var dir = new TempDir();
        var random = new Random(44);
        var hosts = Enumerable.Range(0, 10_000).Select(k => $"10.{k / 250}.{k % 250}.9").ToArray();
        var lines = Enumerable.Range(0, hosts.Length).SelectMany(k => Enumerable.Repeat(k, 1 + k % 3)).OrderBy(_ => random.Next()).ToArray();
        var start = new DateTime(2021, 3, 6, 8, 0, 0);
        var log = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var stamp = start.AddSeconds(i);
            log.Append($"{stamp:MMM} {stamp.Day,2} {stamp:HH:mm:ss} web1 sshd[{1000 + i}]: Invalid user u{lines[i] % 7} from {hosts[lines[i]]} port {40000 + i % 20000}\n");
        }
        var path = dir.File("auth.log", log.ToString());
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var seen = Enumerable.Range(0, lines.Length).GroupBy(i => hosts[lines[i]]).ToDictionary(
            g => g.Key, g => ((long)g.Count(), new DateTimeOffset(start.AddSeconds(g.Min()), TimeSpan.Zero), new DateTimeOffset(start.AddSeconds(g.Max()), TimeSpan.Zero)));
        Assert.Equal(hosts.Length, s.DistinctRemoteHosts);
        Assert.Equal(hosts.Length, s.Hosts.Length);
        foreach (var h in s.Hosts) Assert.Equal(seen[h.Host], (h.Failures, h.First, h.Last));
    }

    [Fact]
    public async Task Hosts_and_users_count_by_name_whichever_string_instance_carries_it()
    {
        // The builder knows host and user names by identity first (the reader interns them) and by value behind that:
        // copies of a name, and far more names than its identity cache holds, must each still count as one name.
        // OpenSSH 9.x "Invalid user %s from %s port %d", one connection a line; every third entry's names are copies.
        using var dir = new TempDir();
        var random = new Random(27);
        var lines = Enumerable.Range(0, 20_000).Select(_ => (Host: $"203.0.{random.Next(24)}.{random.Next(250)}", User: $"user{random.Next(1500)}")).ToArray();
        var log = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var stamp = new DateTime(2021, 3, 6, 8, 0, 0).AddSeconds(i);
            log.Append($"{stamp:MMM} {stamp.Day,2} {stamp:HH:mm:ss} web1 sshd[{1000 + i}]: Invalid user {lines[i].User} from {lines[i].Host} port {40000 + i % 20000}\n");
        }
        var path = dir.File("auth.log", log.ToString());
        var builder = new AuthLogSummaryBuilder();
        var n = 0;
        await foreach (var e in AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken))
        {
            var evt = e.Event;
            if (n++ % 3 == 0) evt = evt with { User = new string(evt.User), Remote = evt.Remote! with { Host = new string(evt.Remote.Host) } };
            builder.Add(e with { Event = evt });
        }
        var s = builder.Build();

        var expectedHosts = lines.GroupBy(l => l.Host).ToDictionary(g => g.Key, g => ((long)g.Count(), g.Select(l => l.User).Distinct().Count()));
        Assert.Equal(expectedHosts.Count, s.DistinctRemoteHosts);
        Assert.Equal(expectedHosts.Count, s.Hosts.Length);
        foreach (var h in s.Hosts) Assert.Equal(expectedHosts[h.Host], (h.Failures, h.Users));
        var expectedUsers = lines.GroupBy(l => l.User).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expectedUsers.OrderBy(p => p.Key, StringComparer.Ordinal), s.UsersTried.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ties_rank_in_ordinal_order_past_the_first_twelve_characters_and_past_latin_1()
    {
        // The ranking sorts on a key of the count and the first twelve characters (each clamped to 255) and compares only
        // the names whose keys tie: these tie in the key, and must still come out as string.CompareOrdinal orders them.
        // sshd's "Failed password for invalid user %s from %s port %d ssh2", one connection each.
        using var dir = new TempDir();
        string[] users = ["ā", "deploy-staging-02", "Ā", "deploy-staging-01", "ÿ"];
        string[] hosts = ["2001:db8:85a3::9", "2001:db8:85a3::10", "2001:db8:85a3::1a", "2001:db8:85a3::1", "2001:db8:85a3::f"];
        var log = new StringBuilder();
        for (var i = 0; i < users.Length; i++)
            log.Append($"Mar  6 08:00:{i:00} web1 sshd[{600 + i}]: Failed password for invalid user {users[i]} from {hosts[i]} port {7000 + i} ssh2\n");
        var path = dir.File("auth.log", log.ToString());
        var s = await AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(year: 2021), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(users.Order(StringComparer.Ordinal), s.UsersTried.Select(u => u.Key));
        Assert.Equal(hosts.Order(StringComparer.Ordinal), s.Hosts.Select(h => h.Host));
        Assert.Equal(["2001:db8:85a3::1", "2001:db8:85a3::10", "2001:db8:85a3::1a", "2001:db8:85a3::9", "2001:db8:85a3::f"], s.Hosts.Select(h => h.Host));
    }
}
