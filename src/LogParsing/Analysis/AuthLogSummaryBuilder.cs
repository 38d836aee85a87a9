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
    // Every remote host seen, attacking or not: one lookup a line serves the distinct count and the host's state.
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    // A connection is a process and its host; the host by its state object, which hashes by reference, not by text.
    private readonly Dictionary<string, HashSet<(string Program, int? Pid, HostState? Host)>> _users = new(StringComparer.Ordinal);
    private readonly List<AcceptedLogin> _accepted = [];
    private DateTimeOffset? _first, _last;
    private long _lines, _malformed, _unrecognized, _failures, _successes;
    // Bounded: past this many distinct shapes, new ones are not tracked (the commonest come early and often).
    private const int MaxShapes = 4096;
    private const int ShapeWords = 6;
    private readonly Dictionary<string, long> _shapes = new(StringComparer.Ordinal);
    private readonly AttemptCounting _counting;

    /// <summary>A builder that counts attempts by <see cref="AttemptCounting.Default"/> (fail2ban's aggressive sshd mode).</summary>
    public AuthLogSummaryBuilder() : this(AttemptCounting.Default)
    {
    }

    /// <summary>A builder that counts failed attempts and logins by <paramref name="counting"/>.</summary>
    /// <param name="counting">The counting rule.</param>
    public AuthLogSummaryBuilder(AttemptCounting counting)
    {
        ArgumentNullException.ThrowIfNull(counting);
        _counting = counting;
    }

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
        if (evt is UnrecognizedEvent)
        {
            _unrecognized++;
            AddShape(entry);
        }
        if (_first is null || entry.Timestamp < _first) _first = entry.Timestamp;
        if (_last is null || entry.Timestamp > _last) _last = entry.Timestamp;
        var remote = evt.Remote?.Host;
        HostState? host = null;
        if (remote is not null)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_hosts, remote, out _);
            host = slot ??= new HostState();
        }

        var failed = _counting.FailedAttempts(entry);
        if (failed > 0)
        {
            _failures += failed;
            var t = entry.Timestamp;
            // The hour of the clock time as written (its offset kept), by truncating ticks.
            var hour = new DateTimeOffset(t.DateTime.Ticks - t.DateTime.Ticks % TimeSpan.TicksPerHour, t.Offset);
            CollectionsMarshal.GetValueRefOrAddDefault(_perHour, hour, out _) += failed;
            var known = false;
            if (host is not null)
            {
                if (host.Failures == 0) host.First = host.Last = t;
                host.Failures += failed;
                if (t < host.First) host.First = t;
                if (t > host.Last) host.Last = t;
                // A connection logs several failures (Invalid user, Failed password, Disconnected...): when this one is the
                // host's last connection and user again, every set below already holds it, and the lookups are skipped.
                known = host.IsLast(entry.Program, entry.ProcessId, evt.User);
                if (!known)
                {
                    host.AddConnection((entry.Program, entry.ProcessId));
                    if (evt.User is { } u) host.AddUser(u);
                }
            }
            if (!known && evt.User is { } user)
            {
                ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(_users, user, out _);
                (set ??= []).Add((entry.Program, entry.ProcessId, host));
            }
        }
        else if (_counting.Logins(entry) is > 0 and var logins)
        {
            _successes += logins;
            _accepted.Add(new AcceptedLogin(entry.Timestamp, evt.User, evt.Remote, (evt as SshdAcceptedAuthentication)?.Method));
        }
    }

    private void AddShape(AuthLogEntry entry)
    {
        var shape = Shape(entry.Program, entry.Message);
        if (_shapes.Count >= MaxShapes && !_shapes.ContainsKey(shape)) return;
        CollectionsMarshal.GetValueRefOrAddDefault(_shapes, shape, out _)++;
    }

    // "program: first words", a word with a digit as "#": lines that differ by pids, ports and addresses share a shape.
    private static string Shape(string program, string message)
    {
        Span<char> buffer = stackalloc char[160];
        var length = 0;
        void Append(ReadOnlySpan<char> text, Span<char> into)
        {
            var n = Math.Min(text.Length, into.Length - length);
            text[..n].CopyTo(into[length..]);
            length += n;
        }
        Append(program, buffer);
        Append(": ", buffer);
        var words = 0;
        foreach (var range in message.AsSpan().Split(' '))
        {
            var word = message.AsSpan()[range];
            if (word.IsEmpty) continue;
            if (words++ == ShapeWords)
            {
                Append(" ...", buffer);
                break;
            }
            if (words > 1) Append(" ", buffer);
            Append(word.IndexOfAnyInRange('0', '9') >= 0 ? "#" : word, buffer);
        }
        return new string(buffer[..length]);
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
        UnrecognizedShapes = [.. _shapes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(20)],
        Successes = _successes,
        EventCounts = [.. _eventCounts
            .GroupBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(p => p.Value)))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)],
        FailuresPerHour = [.. _perHour.OrderBy(p => p.Key)],
        Hosts = [.. _hosts
            .Where(h => h.Value.Failures > 0)
            .Select(h => new HostActivity(h.Key, h.Value.Failures, h.Value.ConnectionCount, h.Value.UserCount, h.Value.First, h.Value.Last))
            .OrderByDescending(h => h.Failures).ThenBy(h => h.Host, StringComparer.Ordinal)],
        UsersTried = [.. _users
            .Select(u => new KeyValuePair<string, long>(u.Key, u.Value.Count))
            .OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal)],
        Accepted = [.. _accepted],
        DistinctRemoteHosts = _hosts.Count,
    };

    /// <summary>
    /// One remote host, attacking once it has a failure. Most hosts try one or two names over a few connections, and a busy log has a hundred thousand
    /// hosts: the first connection and user are fields, and a set is made only for a host that uses a second.
    /// </summary>
    private sealed class HostState
    {
        public long Failures;
        public DateTimeOffset First;
        public DateTimeOffset Last;
        private (string, int?)? _connection;
        private HashSet<(string, int?)>? _connections;
        private string? _user;
        private HashSet<string>? _users;

        private string? _lastProgram;
        private int? _lastPid;
        private string? _lastUser;
        private bool _hasLast;

        /// <summary>True when the failure is of the same connection and user as the host's last; else remembers it.</summary>
        public bool IsLast(string program, int? pid, string? user)
        {
            if (_hasLast && pid == _lastPid && string.Equals(program, _lastProgram, StringComparison.Ordinal) && string.Equals(user, _lastUser, StringComparison.Ordinal))
                return true;
            (_lastProgram, _lastPid, _lastUser, _hasLast) = (program, pid, user, true);
            return false;
        }

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
