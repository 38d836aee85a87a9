using System.Collections.Immutable;
using System.Net;

namespace LogParsing.Analysis.Detections;

/// <summary>
/// The rules a <see cref="Detector"/> runs, their thresholds (the peers' defaults, docs/detections.md) and the detector's bounds.
/// </summary>
/// <example>
/// <code>
/// var rules = DetectionRules.Default with
/// {
///     BruteForce = new SlidingWindowRule { MaxRetry = 3, FindTime = TimeSpan.FromHours(1) },
///     SudoFirstUse = new TriggerRule { Enabled = false },
/// };
/// </code>
/// </example>
public sealed record DetectionRules
{
    /// <summary>Every rule on, with the peers' defaults.</summary>
    public static DetectionRules Default { get; } = new();

    /// <summary>
    /// Which lines are failed attempts and logins: fail2ban's sshd filter in its default <c>normal</c> mode, so that
    /// <c>Connection closed by ... [preauth]</c> (ssh-keyscan, port checks) is not a failure; the probe rules see those lines apart.
    /// </summary>
    public AttemptCounting Counting { get; init; } = new() { Mode = Fail2BanSshdMode.Normal };

    /// <summary>Brute force: fail2ban's default jail (maxretry 5, findtime 10m, bantime 10m).</summary>
    public SlidingWindowRule BruteForce { get; init; } = new();

    /// <summary>Slow brute force: CrowdSec <c>ssh-slow-bf</c> (capacity 10, leakspeed 60s, blackhole 1m).</summary>
    public LeakyBucketRule SlowBruteForce { get; init; } = new() { Capacity = 10, LeakSpeed = TimeSpan.FromSeconds(60) };

    /// <summary>Failures spread in time: CrowdSec <c>ssh-time-based-bf</c> (4 failures, median interval over 10m, idle 2h, blackhole 5m).</summary>
    public TimeSpreadRule TimeBasedBruteForce { get; init; } = new();

    /// <summary>User enumeration: CrowdSec <c>ssh-bf_user-enum</c> (capacity 5, leakspeed 10s, distinct user names, blackhole 1m).</summary>
    public LeakyBucketRule UserEnumeration { get; init; } = new();

    /// <summary>One account from many sources: project-defined (10 sources within 1h).</summary>
    public DistributedRule DistributedBruteForce { get; init; } = new();

    /// <summary>A login after failures: after Wazuh 40112 (5 failures within the 10 minutes before the login).</summary>
    public SuccessAfterFailuresRule SuccessAfterFailures { get; init; } = new();

    /// <summary>CVE-2024-6387 probing: CrowdSec <c>ssh-cve-2024-6387</c> over <c>Timeout before authentication</c> (capacity 20, leakspeed 2s, blackhole 1m).</summary>
    public LeakyBucketRule Cve20246387 { get; init; } = new() { Capacity = 20, LeakSpeed = TimeSpan.FromSeconds(2) };

    /// <summary>Protocol and key-exchange probing: fail2ban's jail over its ddos and extra lines (maxretry 5, findtime 10m, bantime 10m).</summary>
    public SlidingWindowRule ProtocolProbing { get; init; } = new();

    /// <summary>sshd's PerSourcePenalties and MaxStartups drops, once a minute per source at most.</summary>
    public TriggerRule SshdDefences { get; init; } = new() { Suppress = TimeSpan.FromMinutes(1) };

    /// <summary>Bans and unbans in fail2ban.log, each one.</summary>
    public TriggerRule Fail2BanActions { get; init; } = new();

    /// <summary>The first sudo line of a user on a host (Wazuh 5403); <see cref="Detector.Prime(AuthLogEntry)"/> teaches it the users already seen.</summary>
    public TriggerRule SudoFirstUse { get; init; } = new();

    /// <summary>A sudo command refused (Wazuh 5401, 5404, 5405, 5406), each one.</summary>
    public TriggerRule SudoRefused { get; init; } = new();

    /// <summary>A failed su to root (Wazuh 5302), each one.</summary>
    public TriggerRule SuRootFailed { get; init; } = new();

    /// <summary>Evidence kept per detection: the first and the last this many positions (at least 1).</summary>
    public int EvidenceCap { get; init; } = 5;

    /// <summary>Distinct user names kept per detection (at least 1).</summary>
    public int UsersCap { get; init; } = 10;

    /// <summary>Sources remembered at once; past it, the least recently seen is forgotten.</summary>
    public int MaxSources { get; init; } = 65_536;

    /// <summary>User names remembered at once (distributed brute force, logins after failures); past it, the least recently seen is forgotten.</summary>
    public int MaxUsers { get; init; } = 16_384;

    /// <summary>(host, user) pairs the first-seen sudo rule remembers; past it, the least recently seen is forgotten (and would be new again).</summary>
    public int MaxSudoUsers { get; init; } = 16_384;

    /// <summary>Distinct user names a user-enumeration bucket remembers; past it, the oldest is forgotten.</summary>
    public int MaxDistinctUsersPerSource { get; init; } = 64;

    /// <summary>
    /// How late a line may come (behind the latest time seen) and still count in the windowed rules, as the lines of a
    /// central syslog server's file do; it counts as if it came at its source's latest time. Later lines are left to the
    /// single-event rules and counted in <see cref="Detector.LateEntries"/>.
    /// </summary>
    public TimeSpan AllowedSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Sources never reported by the source-keyed rules: fail2ban's <c>ignoreip</c> default (127.0.0.1/8 ::1); add monitoring hosts here.</summary>
    public ImmutableArray<IPNetwork> IgnoredNetworks { get; init; } = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
}
