using System.Collections.Immutable;
using LogParsing.Fail2Ban;

namespace LogParsing.Analysis;

/// <summary>Accumulates fail2ban records into a <see cref="Fail2BanReport"/> one at a time.</summary>
public sealed class Fail2BanReportBuilder
{
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string? Jail, string Target), DateTimeOffset> _current = [];
    private readonly Dictionary<string, long> _perJail = new(StringComparer.Ordinal);
    private long _entries, _bans, _unbans;
    private DateTimeOffset? _first, _last;

    /// <summary>Adds one record.</summary>
    /// <param name="entry">The record.</param>
    public void Add(Fail2BanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries++;
        if (entry.Event is MalformedFail2BanLine) return;
        if (_first is null || entry.Timestamp < _first) _first = entry.Timestamp;
        if (_last is null || entry.Timestamp > _last) _last = entry.Timestamp;
        switch (entry.Event)
        {
            case Fail2BanBan ban:
                _bans++;
                if (!_hosts.TryGetValue(ban.Target, out var host)) _hosts[ban.Target] = host = new HostState(ban, entry.Timestamp);
                host.Bans++;
                host.Last = entry.Timestamp;
                if (entry.Jail is { } jail && !host.Jails.Contains(jail)) host.Jails.Add(jail);
                _perJail[entry.Jail ?? ""] = _perJail.GetValueOrDefault(entry.Jail ?? "") + 1;
                _current[(entry.Jail, ban.Target)] = entry.Timestamp;
                break;
            case Fail2BanRestoreBan restore:
                _current[(entry.Jail, restore.Target)] = entry.Timestamp;
                break;
            case Fail2BanUnban unban:
                _unbans++;
                _current.Remove((entry.Jail, unban.Target));
                break;
        }
    }

    /// <summary>The report of the records added so far.</summary>
    public Fail2BanReport Build() => new()
    {
        Entries = _entries,
        First = _first,
        Last = _last,
        Bans = _bans,
        Unbans = _unbans,
        BannedHosts = [.. _hosts.Values
            .Select(h => new BannedHost(h.Ban.Target, h.Ban.Address, h.Bans, [.. h.Jails], h.First, h.Last))
            .OrderByDescending(h => h.Bans).ThenBy(h => h.Target, StringComparer.Ordinal)],
        CurrentlyBanned = [.. _current
            .OrderBy(c => c.Value).ThenBy(c => c.Key.Target, StringComparer.Ordinal)
            .Select(c => new CurrentBan(c.Key.Jail, c.Key.Target, c.Value))],
        BansPerJail = [.. _perJail.OrderByDescending(j => j.Value).ThenBy(j => j.Key, StringComparer.Ordinal)],
    };

    private sealed class HostState(Fail2BanBan ban, DateTimeOffset first)
    {
        public Fail2BanBan Ban { get; } = ban;
        public long Bans;
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last = first;
        public List<string> Jails { get; } = [];
    }
}
