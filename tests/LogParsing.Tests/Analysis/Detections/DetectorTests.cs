using System.Net;
using LogParsing.Analysis.Detections;

namespace LogParsing.Tests.Analysis.Detections;

/// <summary>
/// Each rule of docs/detections.md fires on a log built for it and stays quiet on the false positives peers' users report.
/// Line forms: OpenSSH's auth.c / auth2.c / sshd.c messages as in docs/samples/auth.log (the seed post) and
/// reference/message-catalog.md; sudo and su as in tests/Auth/Sudo and tests/Auth/Su.
/// </summary>
public class DetectorTests
{
    private static List<string> Ids(IEnumerable<Detection> detections) => [.. detections.Select(d => d.RuleId)];

    // auth2.c "Failed %s for %s%.100s from %.200s port %d ssh2"
    private static string Failed(string user, string ip, int port = 50000) => $"Failed password for {user} from {ip} port {port} ssh2";

    [Fact]
    public async Task Brute_force_fires_on_the_fifth_failure_in_ten_minutes()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i * 100, Failed("root", "203.0.113.5", 50000 + i));
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal(
            (DetectionRuleIds.BruteForce, DetectionSeverity.Medium, IPAddress.Parse("203.0.113.5"), 5L, DetectionLog.At(0), DetectionLog.At(400)),
            (d.RuleId, d.Severity, d.Source, d.Count, d.First, d.Last));
        Assert.Equal([1L, 2, 3, 4, 5], d.Evidence.Select(p => p.Line));
        Assert.Equal(["root"], d.Users);
    }

    [Fact]
    public async Task Brute_force_needs_the_five_within_ten_minutes_and_forgets_them_once_fired()
    {
        var log = new DetectionLog();
        // fail2ban's window: (t - findtime, t]; the first failure is exactly 600 s before the fifth, so it has left.
        foreach (var t in new[] { 0, 150, 300, 450, 600 }) log.At(t, Failed("root", "203.0.113.5"));
        Assert.DoesNotContain(DetectionRuleIds.BruteForce, Ids(await log.DetectAsync()));
        log.At(601, Failed("root", "203.0.113.5"));
        // Fired at 601; the lines within the next ten minutes are the ban's and count for nothing.
        for (var i = 0; i < 5; i++) log.At(700 + i, Failed("root", "203.0.113.5"));
        Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.BruteForce);
    }

    [Fact]
    public async Task A_repeated_message_counts_its_repeats_with_one_position()
    {
        // rsyslog's RepeatedMsgReduction: "message repeated N times: [ ... ]".
        var log = new DetectionLog().At(0, "message repeated 5 times: [ " + Failed("root", "203.0.113.5") + "]");
        var d = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.BruteForce);
        Assert.Equal((5L, 1), (d.Count, d.Evidence.Length));
    }

    [Fact]
    public async Task A_line_repeated_past_max_retry_counts_every_repeat_after_earlier_failures()
    {
        // The window's ring is made for one event, then MaxRetry; a repeat summary of 40 after three lines grows it past both.
        var log = new DetectionLog();
        for (var i = 0; i < 3; i++) log.At(i, Failed("root", "203.0.113.7"));
        log.At(3, "message repeated 40 times: [ " + Failed("root", "203.0.113.7") + "]");
        var d = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.BruteForce);
        Assert.Equal((43L, 4), (d.Count, d.Evidence.Length));
    }

    [Fact]
    public async Task Failures_every_eleven_minutes_escape_the_window_but_fire_the_time_based_rule()
    {
        // The counterexample of fail2ban #1781: "a login attempt every 11th minute and won't get banned ever".
        var log = new DetectionLog();
        for (var i = 0; i < 6; i++) log.At(i * 660, Failed("root", "203.0.113.6"));
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.TimeBasedBruteForce, 4L, DetectionLog.At(3 * 660)), (d.RuleId, d.Count, d.Last));
    }

    [Fact]
    public async Task Time_based_fires_on_a_median_over_ten_minutes_not_on_one_outlier()
    {
        // ssh-time-based-bf's timelines (research notes 1.4): 15, 16, 19 minutes apart fires; 2 s, 2 s, 60 min does not (hub #1649).
        var spread = new DetectionLog();
        foreach (var m in new[] { 0, 15, 31, 50 }) spread.At(m * 60, Failed("root", "203.0.113.7"));
        Assert.Equal([DetectionRuleIds.TimeBasedBruteForce], Ids(await spread.DetectAsync()));

        var outlier = new DetectionLog();
        foreach (var s in new[] { 0, 2, 4, 3604 }) outlier.At(s, Failed("root", "203.0.113.7"));
        Assert.Empty(await outlier.DetectAsync());
    }

    [Fact]
    public async Task Time_based_takes_the_median_of_the_sorted_gaps_of_the_last_four_failures()
    {
        // expr's MedianInterval sorts the stamps, then their gaps. 0, 1, 31, 32 minutes: gaps 1, 30, 1, median 1 (the middle
        // gap in time order would be 30). 0, 1, 2, 32, 62: the last four (1, 2, 32, 62) have gaps 1, 30, 30, median 30;
        // the bucket keeps its stamps in a ring, so they are not in time order once it wraps.
        var sortedGaps = new DetectionLog();
        foreach (var m in new[] { 0, 1, 31, 32 }) sortedGaps.At(m * 60, Failed("root", "203.0.113.9"));
        Assert.DoesNotContain(DetectionRuleIds.TimeBasedBruteForce, Ids(await sortedGaps.DetectAsync()));

        var wrapped = new DetectionLog();
        foreach (var m in new[] { 0, 1, 2, 32, 62 }) wrapped.At(m * 60, Failed("root", "203.0.113.9"));
        var d = Assert.Single(await wrapped.DetectAsync(), d => d.RuleId == DetectionRuleIds.TimeBasedBruteForce);
        Assert.Equal(DetectionLog.At(62 * 60), d.Last);
    }

    [Fact]
    public async Task A_login_from_the_source_cancels_the_time_based_bucket()
    {
        var log = new DetectionLog();
        foreach (var m in new[] { 0, 15, 31 }) log.At(m * 60, Failed("alice", "198.51.100.7"));
        // auth2.c "Accepted %s for %s from %.200s port %d ssh2"
        log.At(40 * 60, "Accepted password for alice from 198.51.100.7 port 50100 ssh2");
        log.At(50 * 60, Failed("alice", "198.51.100.7"));
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Slow_brute_force_fires_on_the_twentieth_failure_at_one_every_thirty_seconds()
    {
        // ssh-slow-bf (capacity 10, leakspeed 60s): k - 1 > 9 + (k - 1) / 2 first holds at k = 20, t = 570 s.
        var log = new DetectionLog();
        for (var i = 0; i < 25; i++) log.At(i * 30, Failed("root", "203.0.113.8"));
        var slow = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.SlowBruteForce);
        Assert.Equal((20L, DetectionLog.At(570), 10), (slow.Count, slow.Last, slow.Evidence.Length));
    }

    [Fact]
    public async Task Slow_brute_force_stays_quiet_at_one_failure_a_minute()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 40; i++) log.At(i * 60, Failed("root", "203.0.113.8"));
        Assert.DoesNotContain(DetectionRuleIds.SlowBruteForce, Ids(await log.DetectAsync()));
    }

    [Fact]
    public async Task User_enumeration_fires_on_the_sixth_distinct_name_and_ignores_repeats()
    {
        // ssh-bf_user-enum's timeline (research notes 1.2); auth.c "Invalid user %.100s from %.100s port %d".
        var log = new DetectionLog();
        var names = new[] { "admin", "admin", "test", "oracle", "admin", "guest", "pi", "ubuntu" };
        for (var i = 0; i < names.Length; i++) log.At(i, $"Invalid user {names[i]} from 192.0.2.77 port {40000 + i}");
        var d = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.UserEnumeration);
        Assert.Equal(["admin", "test", "oracle", "guest", "pi", "ubuntu"], d.Users);
        Assert.Equal((6L, DetectionLog.At(7)), (d.Count, d.Last));
    }

    [Fact]
    public async Task One_name_tried_many_times_is_not_enumeration()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 12; i++) log.At(i, Failed("root", "192.0.2.78"));
        Assert.DoesNotContain(DetectionRuleIds.UserEnumeration, Ids(await log.DetectAsync()));
    }

    [Fact]
    public async Task Distributed_brute_force_fires_on_the_tenth_source_for_one_account()
    {
        var log = new DetectionLog();
        for (var i = 1; i <= 10; i++) log.At(i * 300, Failed("alice", $"198.51.100.{i}"));
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.DistributedBruteForce, "alice", (IPAddress?)null, 10L), (d.RuleId, d.User, d.Source, d.Count));
        Assert.Equal(10, d.Evidence.Length);
    }

    [Fact]
    public async Task Names_sshd_calls_invalid_are_not_a_distributed_attack_on_an_account()
    {
        // The same spray on a name that does not exist: auth2.c "Failed %s for invalid user %s from ...".
        var log = new DetectionLog();
        for (var i = 1; i <= 12; i++) log.At(i * 60, $"Failed password for invalid user bob from 198.51.100.{i} port 50000 ssh2");
        Assert.DoesNotContain(DetectionRuleIds.DistributedBruteForce, Ids(await log.DetectAsync()));
    }

    [Fact]
    public async Task A_login_after_five_failures_from_its_source_is_critical()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i * 20, Failed("root", "203.0.113.9"));
        log.At(200, "Accepted password for root from 203.0.113.9 port 50200 ssh2");
        var d = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.SuccessAfterFailures);
        Assert.Equal((DetectionSeverity.Critical, "root", IPAddress.Parse("203.0.113.9"), 6L, 6L), (d.Severity, d.User, d.Source, d.Count, d.Evidence[^1].Line));
    }

    [Fact]
    public async Task Attempts_a_source_made_below_every_threshold_count_at_its_login()
    {
        // A fresh source's first attempts wait in its state until it makes more (docs/detections.md, "State"): a login
        // after two of them, with the rule asking for two, must see both, in order.
        var rules = DetectionRules.Default with { SuccessAfterFailures = new SuccessAfterFailuresRule { MinFailures = 2 } };
        var log = new DetectionLog()
            .At(0, Failed("root", "203.0.113.10"))
            .At(10, Failed("root", "203.0.113.10", 50001))
            .At(20, "Accepted password for root from 203.0.113.10 port 50002 ssh2");
        var d = Assert.Single(await log.DetectAsync(rules));
        Assert.Equal((DetectionRuleIds.SuccessAfterFailures, 3L, DetectionLog.At(0)), (d.RuleId, d.Count, d.First));
        Assert.Equal([1L, 2, 3], d.Evidence.Select(p => p.Line));
        // Keyed on the source, not only on the account the same attempts also count for.
        Assert.Contains("failed attempts from it", d.Description);
    }

    [Fact]
    public async Task Held_attempts_reach_the_window_in_order_when_the_source_comes_back()
    {
        // Three attempts wait (one fewer than the time-spread rule's four), the fourth and fifth come after the first has
        // left brute force's ten minutes: the window must hold the second to the fifth only, and not fire.
        var log = new DetectionLog();
        foreach (var t in new[] { 0, 300, 400, 500, 650 }) log.At(t, Failed("root", "203.0.113.11"));
        Assert.DoesNotContain(DetectionRuleIds.BruteForce, Ids(await log.DetectAsync()));
        log.At(660, Failed("root", "203.0.113.11"));
        var d = Assert.Single(await log.DetectAsync(), d => d.RuleId == DetectionRuleIds.BruteForce);
        Assert.Equal([2L, 3, 4, 5, 6], d.Evidence.Select(p => p.Line));
    }

    [Fact]
    public async Task A_login_after_failures_for_the_account_from_other_sources_fires_keyed_on_the_user()
    {
        var log = new DetectionLog();
        for (var i = 1; i <= 5; i++) log.At(i * 30, Failed("deploy", $"198.51.100.{i}"));
        log.At(200, "Accepted password for deploy from 192.0.2.200 port 50200 ssh2");
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.SuccessAfterFailures, "deploy", IPAddress.Parse("192.0.2.200")), (d.RuleId, d.User, d.Source));
        Assert.Contains("for the account", d.Description);
    }

    [Fact]
    public async Task A_user_mistyping_once_is_not_a_login_after_failures()
    {
        var log = new DetectionLog()
            .At(0, Failed("alice", "198.51.100.20"))
            .At(8, "Accepted password for alice from 198.51.100.20 port 50001 ssh2");
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Several_public_keys_tried_before_one_works_fire_nothing()
    {
        // fail2ban #1263: an agent offers its keys in turn; each refused one is "Failed publickey" (auth2.c, LogLevel VERBOSE).
        var log = new DetectionLog();
        for (var round = 0; round < 4; round++)
        {
            var t = round * 30;
            log.At(t, "Failed publickey for git from 198.51.100.21 port 50000 ssh2: RSA SHA256:rbO2VvXQ0cJ7bVnZ9m0hZxS8kB9oQ2mU1d5aK3fQ4hI");
            log.At(t, "Failed publickey for git from 198.51.100.21 port 50000 ssh2: ECDSA SHA256:Jq3pI0Vt3yWmFzqGm1Wc9sKkYb4vR2nT8uH6oP1xL5E");
            log.At(t, "Failed publickey for git from 198.51.100.21 port 50000 ssh2: ED25519 SHA256:k1kjpV0S2zT9aQ7wX3cR5bN8mL4hG6fD2sA1eY9uI0o");
            log.At(t + 1, "Accepted publickey for git from 198.51.100.21 port 50000 ssh2: ED25519 SHA256:4x8m2QbT1rV6nJ3kL9pW5cY7hG0fD2sA1eZ9uI0oXk");
        }
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Ssh_keyscan_fires_nothing()
    {
        // ssh-keyscan -t rsa,ecdsa,ed25519 from a config-management host, every minute: each key type is a connection that
        // completes the key exchange and closes before authenticating (fail2ban #1392).
        var log = new DetectionLog();
        for (var run = 0; run < 15; run++)
            for (var k = 0; k < 3; k++)
                log.At(run * 60 + k, $"Connection closed by 192.0.2.50 port {41000 + run * 3 + k} [preauth]");
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Regresshion_probing_fires_on_the_twenty_first_timeout_in_a_burst()
    {
        // sshd.c before 9.8: "fatal: Timeout before authentication for %s port %d"; 9.8+ listener: "... for connection from %s to %s, pid = %ld".
        var log = new DetectionLog();
        for (var i = 0; i < 11; i++) log.At(0, $"fatal: Timeout before authentication for 203.0.113.66 port {30000 + i}");
        for (var i = 0; i < 10; i++) log.At(1, $"Timeout before authentication for connection from 203.0.113.66 to 192.0.2.2, pid = {50000 + i}");
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.Cve20246387, DetectionSeverity.High, 21L, 10), (d.RuleId, d.Severity, d.Count, d.Evidence.Length));
    }

    [Fact]
    public async Task A_scanner_timing_out_once_a_minute_is_not_regresshion()
    {
        // The background rate of internet scanners in fail2ban #3784: about one timeout a minute from one address.
        var log = new DetectionLog();
        for (var i = 0; i < 60; i++) log.At(i * 60, $"fatal: Timeout before authentication for 203.0.113.67 port {30000 + i}");
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Key_exchange_probing_fires_on_the_fifth_negotiation_failure_in_ten_minutes()
    {
        // kex.c "Unable to negotiate with %s: no matching %s found. Their offer: %s" (fail2ban's mdre-extra).
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++)
            log.At(i * 60, $"Unable to negotiate with 45.133.1.115 port {34484 + i}: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1,diffie-hellman-group14-sha1 [preauth]");
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.ProtocolProbing, 5L), (d.RuleId, d.Count));
    }

    [Fact]
    public async Task A_monitoring_probe_every_five_minutes_is_not_probing_and_one_every_minute_can_be_ignored()
    {
        // Nagios check_ssh / a TCP port check against OpenSSH before 8.0: "Did not receive identification string from %s port %d".
        var slow = new DetectionLog();
        for (var i = 0; i < 24; i++) slow.At(i * 300, $"Did not receive identification string from 192.0.2.60 port {42000 + i}");
        Assert.Empty(await slow.DetectAsync());

        var busy = new DetectionLog();
        for (var i = 0; i < 30; i++) busy.At(i * 60, $"Did not receive identification string from 192.0.2.60 port {42000 + i}");
        // Fired at 4 and 18 minutes: after each, ten minutes of "ban" in which nothing counts.
        Assert.Equal([DetectionRuleIds.ProtocolProbing, DetectionRuleIds.ProtocolProbing], Ids(await busy.DetectAsync()));
        var monitor = DetectionRules.Default with { IgnoredNetworks = [.. DetectionRules.Default.IgnoredNetworks, IPNetwork.Parse("192.0.2.60/32")] };
        Assert.Empty(await busy.DetectAsync(monitor));
    }

    [Fact]
    public async Task An_ignored_monitor_between_an_attackers_lines_hides_only_itself()
    {
        // A monitoring host on the loopback (ignored by default) knocks between the failures of an attacker, and the other
        // way round: each source is judged by its own address, line after line.
        foreach (var monitorFirst in new[] { true, false })
        {
            var log = new DetectionLog();
            for (var i = 0; i < 5; i++)
            {
                if (monitorFirst) log.At(i * 60, Failed("nagios", "127.0.0.1", 41000 + i));
                log.At(i * 60 + 1, Failed("root", "203.0.113.12", 50000 + i));
                if (!monitorFirst) log.At(i * 60 + 2, Failed("nagios", "127.0.0.1", 41000 + i));
            }
            var d = Assert.Single(await log.DetectAsync());
            Assert.Equal((DetectionRuleIds.BruteForce, IPAddress.Parse("203.0.113.12")), (d.RuleId, d.Source));
        }
    }

    [Fact]
    public async Task Sshd_penalties_and_maxstartups_drops_are_reported_once_a_minute_per_source()
    {
        // OpenSSH 9.8+ srclimit.c and sshd.c (reference/message-catalog.md B.1 #13-#16).
        var log = new DetectionLog()
            .At(0, "srclimit_penalise: ipv4: new 203.0.113.70/32 active penalty of 30.000 seconds for penalty: failed authentication")
            .At(20, "srclimit_penalise: ipv4: new 203.0.113.70/32 active penalty of 30.000 seconds for penalty: failed authentication")
            .At(30, "drop connection #3 from [203.0.113.71]:48602 on [192.0.2.1]:22 past MaxStartups")
            .At(95, "srclimit_penalise: ipv4: new 203.0.113.70/32 active penalty of 60.000 seconds for penalty: failed authentication");
        var found = await log.DetectAsync();
        Assert.Equal([DetectionRuleIds.SshdDefence, DetectionRuleIds.SshdDefence, DetectionRuleIds.SshdDefence], Ids(found));
        Assert.Equal(["203.0.113.70", "203.0.113.71", "203.0.113.70"], found.Select(d => d.SourceHost));
    }

    [Fact]
    public async Task Lines_from_loopback_are_ignored_as_fail2ban_ignores_them()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 10; i++) log.At(i, Failed("root", "127.0.0.1"));
        Assert.Empty(await log.DetectAsync());
    }

    [Fact]
    public async Task Sources_are_keyed_across_the_hosts_of_a_central_syslog_file()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i * 10, Failed("root", "203.0.113.80"), host: i % 2 == 0 ? "web1" : "db1");
        Assert.Equal([DetectionRuleIds.BruteForce], Ids(await log.DetectAsync()));
    }

    [Fact]
    public async Task Lines_a_little_late_count_and_lines_far_too_late_do_not()
    {
        var log = new DetectionLog();
        log.At(600, Failed("root", "203.0.113.81"));
        // A relay delivering 30 s late: within the allowed skew of two minutes.
        for (var i = 0; i < 4; i++) log.At(570 + i, Failed("root", "203.0.113.81"));
        Assert.Equal([DetectionRuleIds.BruteForce], Ids(await log.DetectAsync()));

        var far = new DetectionLog();
        far.At(600, Failed("root", "203.0.113.81"));
        for (var i = 0; i < 4; i++) far.At(100 + i, Failed("root", "203.0.113.81"));
        Assert.Empty(await far.DetectAsync());
    }

    [Fact]
    public void A_detector_counts_the_lines_left_out_for_being_late()
    {
        var detector = new Detector();
        var parser = AuthLogParser.Default;
        detector.Add(parser.Parse("May 31 07:30:00 nimbus sshd[1]: " + Failed("root", "203.0.113.82")));
        detector.Add(parser.Parse("May 31 07:00:00 nimbus sshd[2]: " + Failed("root", "203.0.113.82")));
        Assert.Equal(1, detector.LateEntries);
    }

    [Fact]
    public async Task Sudo_reports_a_users_first_command_and_every_refusal()
    {
        // sudo's log format (plugins/sudoers/logging.c), right-aligned user, as in tests/Auth/Sudo.
        var log = new DetectionLog()
            .At(0, "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update", "sudo")
            .At(60, "   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt upgrade", "sudo")
            .At(120, "     tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/tsg ; USER=root ; COMMAND=/bin/ls", "sudo")
            .At(180, "   alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id", "sudo");
        var found = await log.DetectAsync();
        Assert.Equal(
            [(DetectionRuleIds.SudoFirstUse, "alice"), (DetectionRuleIds.SudoFirstUse, "tsg"), (DetectionRuleIds.SudoRefused, "tsg"), (DetectionRuleIds.SudoRefused, "alice")],
            found.Select(d => (d.RuleId, d.User!)));
    }

    [Fact]
    public void A_primed_detector_does_not_flag_sudo_users_the_history_showed()
    {
        var parser = AuthLogParser.Default;
        var detector = new Detector();
        detector.Prime(parser.Parse("May 30 09:00:00 nimbus sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id"));
        Assert.Empty(detector.Add(parser.Parse("May 31 09:00:00 nimbus sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id")));
        var d = Assert.Single(detector.Add(parser.Parse("May 31 09:01:00 nimbus sudo:  mallory : TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh")));
        Assert.Equal((DetectionRuleIds.SudoFirstUse, "mallory"), (d.RuleId, d.User));
    }

    [Fact]
    public async Task A_failed_su_to_root_is_reported_and_to_another_user_is_not()
    {
        // util-linux su (login-utils/su-common.c): "FAILED SU (to %s) %s on %s".
        var log = new DetectionLog()
            .At(0, "FAILED SU (to root) alice on pts/0", "su")
            .At(10, "FAILED SU (to backup) alice on pts/0", "su");
        var d = Assert.Single(await log.DetectAsync());
        Assert.Equal((DetectionRuleIds.SuRootFailed, "alice"), (d.RuleId, d.User));
    }

    [Fact]
    public async Task Fail2ban_bans_are_merged_by_time_with_what_caused_them()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i * 10, Failed("root", "203.0.113.90"));
        using var dir = new TempDir();
        var auth = dir.File("auth.log", log.ToString());
        // fail2ban's log format (docs/samples/fail2ban.log): local time to the millisecond, logger, pid, level, jail.
        var bans = dir.File("fail2ban.log", """
            2021-05-31 06:59:00,100 fail2ban.actions        [448]: NOTICE  [sshd] Unban 192.0.2.99
            2021-05-31 07:00:41,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 203.0.113.90
            2021-05-31 07:10:41,363 fail2ban.actions        [448]: NOTICE  [sshd] Unban 203.0.113.90

            """);
        var ct = TestContext.Current.CancellationToken;
        var found = await Fixture.ToListAsync(AuthDetections.DetectAsync(
            AuthLogReader.ReadAsync(auth, Fixture.Utc(), ct), Fail2BanLogReader.ReadAsync(bans, new LogReaderOptions { TimeZone = TimeZoneInfo.Utc }, ct), cancellationToken: ct));
        Assert.Equal(
            [(DetectionRuleIds.Fail2BanUnban, "192.0.2.99"), (DetectionRuleIds.BruteForce, "203.0.113.90"), (DetectionRuleIds.Fail2BanBan, "203.0.113.90"), (DetectionRuleIds.Fail2BanUnban, "203.0.113.90")],
            found.Select(d => (d.RuleId, d.SourceHost!)));
    }

    [Fact]
    public async Task Disabled_rules_do_not_fire()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 5; i++) log.At(i, Failed("root", "203.0.113.5"));
        Assert.Empty(await log.DetectAsync(DetectionRules.Default with { BruteForce = new SlidingWindowRule { Enabled = false } }));
    }

    [Fact]
    public async Task Evidence_keeps_the_first_and_the_last_n_positions()
    {
        var log = new DetectionLog();
        for (var i = 0; i < 30; i++) log.At(i, Failed("root", "203.0.113.5"));
        var rules = DetectionRules.Default with { BruteForce = new SlidingWindowRule { MaxRetry = 30 }, EvidenceCap = 3 };
        var d = Assert.Single(await log.DetectAsync(rules), d => d.RuleId == DetectionRuleIds.BruteForce);
        Assert.Equal([1L, 2, 3, 28, 29, 30], d.Evidence.Select(p => p.Line));
        Assert.Equal(30, d.Count);
    }
}
