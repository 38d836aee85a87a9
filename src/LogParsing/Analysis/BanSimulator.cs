using System.Collections.Immutable;

namespace LogParsing.Analysis;

/// <summary>
/// Replays entries against a <see cref="BanPolicy"/>: which hosts a fail2ban-like jail would have banned, and when.
/// A failure is an entry <see cref="AttemptCounting"/> counts (by default the lines fail2ban's aggressive sshd filter
/// counts, docs/events.md) with a remote host, counted <see cref="AuthLogEntry.RepeatCount"/> times. Failures of a host while it would have been banned are not counted, as fail2ban's
/// firewall rule would have stopped them; its window starts afresh when the ban ends.
/// </summary>
/// <example>
/// <code>
/// var bans = await BanSimulator.SimulateAsync(AuthLogReader.ReadAsync("/var/log/auth.log"), new BanPolicy { MaxRetry = 3 });
/// foreach (var ban in bans) Console.WriteLine($"{ban.Start:u} ban {ban.Host} ({ban.Failures} failures)");
/// </code>
/// </example>
public sealed class BanSimulator
{
    private readonly BanPolicy _policy;
    private readonly AttemptCounting _counting;
    private readonly Dictionary<string, HostWindow> _hosts = new(StringComparer.Ordinal);
    private readonly List<SimulatedBan> _bans = [];

    /// <summary>Creates a simulator for <paramref name="policy"/>.</summary>
    /// <param name="policy">The jail policy.</param>
    public BanSimulator(BanPolicy policy) : this(policy, AttemptCounting.Default)
    {
    }

    /// <summary>Creates a simulator for <paramref name="policy"/> that counts failed attempts by <paramref name="counting"/>.</summary>
    /// <param name="policy">The jail policy.</param>
    /// <param name="counting">Which lines count as failed attempts (fail2ban's sshd filter mode).</param>
    public BanSimulator(BanPolicy policy, AttemptCounting counting)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(counting);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxRetry, 1, nameof(policy));
        _policy = policy;
        _counting = counting;
    }

    /// <summary>The bans so far, in the order they started.</summary>
    public IReadOnlyList<SimulatedBan> Bans => _bans;

    /// <summary>Feeds the next entry, in log order.</summary>
    /// <param name="entry">The entry.</param>
    public void Add(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var failed = _counting.FailedAttempts(entry);
        if (failed == 0 || entry.Event.Remote is not { } remote) return;
        var t = entry.Timestamp;
        if (!_hosts.TryGetValue(remote.Host, out var host)) _hosts[remote.Host] = host = new HostWindow();
        if (host.BannedUntil is { } until && (until == DateTimeOffset.MaxValue || t < until)) return;

        for (var i = 0; i < failed; i++) host.Failures.Enqueue(t);
        // A window that reaches back past the first instant holds every failure so far.
        if (Fits(t, -_policy.FindTime.Ticks))
        {
            var since = t.AddTicks(-_policy.FindTime.Ticks);
            while (host.Failures.Count > 0 && host.Failures.Peek() <= since) host.Failures.Dequeue();
        }
        if (host.Failures.Count < _policy.MaxRetry) return;

        var permanent = _policy.BanTime < TimeSpan.Zero;
        host.Bans++;
        _bans.Add(new SimulatedBan(remote.Host, remote.Address, t, permanent ? null : Shift(t, _policy.BanTime.Ticks), host.Failures.Count, host.Bans));
        host.BannedUntil = permanent ? DateTimeOffset.MaxValue : Shift(t, _policy.BanTime.Ticks);
        host.Failures.Clear();
    }

    // t moved by a span, held to DateTimeOffset's range: a log dated 0001-01-01 or 9999-12-31, or a find time of
    // centuries, must not throw.
    private static DateTimeOffset Shift(DateTimeOffset t, long ticks) =>
        Fits(t, ticks) ? t.AddTicks(ticks) : ticks < 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;

    // Within range in both the clock time and UTC, so that AddTicks cannot throw.
    private static bool Fits(DateTimeOffset t, long ticks)
    {
        static bool Within(long from, long by) => by < 0 ? from + by >= DateTime.MinValue.Ticks : from <= DateTime.MaxValue.Ticks - by;
        return Within(t.UtcTicks, ticks) && Within(t.Ticks, ticks);
    }

    /// <summary>Replays <paramref name="entries"/> to the end against <paramref name="policy"/>.</summary>
    /// <param name="entries">Entries in log order.</param>
    /// <param name="policy">The jail policy; null for fail2ban's defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async ValueTask<ImmutableArray<SimulatedBan>> SimulateAsync(IAsyncEnumerable<AuthLogEntry> entries, BanPolicy? policy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var simulator = new BanSimulator(policy ?? new BanPolicy());
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            simulator.Add(entry);
        return [.. simulator.Bans];
    }

    private sealed class HostWindow
    {
        public readonly Queue<DateTimeOffset> Failures = new();
        public DateTimeOffset? BannedUntil;
        public int Bans;
    }
}
