using System.Collections.Immutable;
using System.Runtime.InteropServices;
using LogParsing.Auth.Sshd;

namespace LogParsing.Analysis;

/// <summary>Accumulates entries into an <see cref="AuthLogSummary"/> one at a time (for streams that do not end, call <see cref="Build"/> whenever).</summary>
public sealed class AuthLogSummaryBuilder
{
    // By type, named at Build: a type's Name is a lookup of its own on every line.
    private readonly Dictionary<Type, long> _eventCounts = [];
    private readonly Dictionary<DateTimeOffset, long> _perHour = [];
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string Program, int? Pid, string? Host)>> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _remoteHosts = new(StringComparer.Ordinal);
    private readonly List<AcceptedLogin> _accepted = [];
    private DateTimeOffset? _first, _last;
    private long _lines, _malformed, _unrecognized, _failures, _successes;

    /// <summary>Adds one entry.</summary>
    /// <param name="entry">The entry.</param>
    public void Add(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _lines++;
        var evt = entry.Event;
        CollectionsMarshal.GetValueRefOrAddDefault(_eventCounts, evt.GetType(), out _)++;
        if (evt is MalformedLine)
        {
            _malformed++;
            return;
        }
        if (evt is UnrecognizedEvent) _unrecognized++;
        if (_first is null || entry.Timestamp < _first) _first = entry.Timestamp;
        if (_last is null || entry.Timestamp > _last) _last = entry.Timestamp;
        var remote = evt.Remote?.Host;
        if (remote is not null) _remoteHosts.Add(remote);

        switch (evt.Outcome)
        {
            case AuthOutcome.Failure:
                _failures++;
                var t = entry.Timestamp;
                var hour = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset);
                CollectionsMarshal.GetValueRefOrAddDefault(_perHour, hour, out _)++;
                var connection = (entry.Program, entry.ProcessId, remote);
                if (remote is not null)
                {
                    if (!_hosts.TryGetValue(remote, out var state)) _hosts[remote] = state = new HostState(t);
                    state.Failures++;
                    state.AddConnection((entry.Program, entry.ProcessId));
                    if (evt.User is { } u) state.AddUser(u);
                    if (t < state.First) state.First = t;
                    if (t > state.Last) state.Last = t;
                }
                if (evt.User is { } user)
                {
                    if (!_users.TryGetValue(user, out var set)) _users[user] = set = [];
                    set.Add(connection);
                }
                break;
            case AuthOutcome.Success:
                _successes++;
                _accepted.Add(new AcceptedLogin(entry.Timestamp, evt.User, evt.Remote, (evt as SshdAcceptedAuthentication)?.Method));
                break;
        }
    }

    /// <summary>The summary of the entries added so far.</summary>
    public AuthLogSummary Build() => new()
    {
        First = _first,
        Last = _last,
        Lines = _lines,
        Malformed = _malformed,
        Unrecognized = _unrecognized,
        Failures = _failures,
        Successes = _successes,
        EventCounts = [.. _eventCounts
            .GroupBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(p => p.Value)))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)],
        FailuresPerHour = [.. _perHour.OrderBy(p => p.Key)],
        Hosts = [.. _hosts
            .Select(h => new HostActivity(h.Key, h.Value.Failures, h.Value.ConnectionCount, h.Value.UserCount, h.Value.First, h.Value.Last))
            .OrderByDescending(h => h.Failures).ThenBy(h => h.Host, StringComparer.Ordinal)],
        UsersTried = [.. _users
            .Select(u => new KeyValuePair<string, long>(u.Key, u.Value.Count))
            .OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal)],
        Accepted = [.. _accepted],
        DistinctRemoteHosts = _remoteHosts.Count,
    };

    /// <summary>
    /// One attacking host. Most hosts try one or two names over a few connections, and a busy log has a hundred thousand
    /// hosts: the first connection and user are fields, and a set is made only for a host that uses a second.
    /// </summary>
    private sealed class HostState(DateTimeOffset first)
    {
        public long Failures;
        public DateTimeOffset First = first;
        public DateTimeOffset Last = first;
        private (string, int?)? _connection;
        private HashSet<(string, int?)>? _connections;
        private string? _user;
        private HashSet<string>? _users;

        public int ConnectionCount => _connections?.Count ?? (_connection is null ? 0 : 1);

        public int UserCount => _users?.Count ?? (_user is null ? 0 : 1);

        public void AddConnection((string, int?) connection)
        {
            if (_connections is not null) _connections.Add(connection);
            else if (_connection is null) _connection = connection;
            else if (!_connection.Value.Equals(connection)) _connections = [_connection.Value, connection];
        }

        public void AddUser(string user)
        {
            if (_users is not null) _users.Add(user);
            else if (_user is null) _user = user;
            else if (!string.Equals(_user, user, StringComparison.Ordinal)) _users = new(StringComparer.Ordinal) { _user, user };
        }
    }
}
