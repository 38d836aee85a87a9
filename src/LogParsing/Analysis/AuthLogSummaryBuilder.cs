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
    // The state is rows of numbers, not an object per host or a set per user: a busy log has a hundred thousand hosts
    // and half a million connections, and arrays and sets of structs without references are never traced by the GC,
    // where that many small objects, promoted and then scanned in every collection, cost more than the counting.
    // Every remote host seen, attacking or not: one lookup a line serves the distinct count and the host's row.
    private readonly Dictionary<string, int> _hostIds = new(StringComparer.Ordinal);
    private HostRow[] _hosts = new HostRow[256];
    private readonly Dictionary<string, int> _userIds = new(StringComparer.Ordinal);
    private long[] _userConnections = new long[64];
    private readonly Dictionary<string, int> _programIds = new(StringComparer.Ordinal);
    // A connection is a program's process (its pid, or none) and the host it came from; each set holds one fact once.
    private readonly HashSet<(int Host, int Program, long Pid)> _hostConnections = [];
    private readonly HashSet<(int Host, int User)> _hostUsers = [];
    private readonly HashSet<(int User, int Program, long Pid, int Host)> _userConnectionSet = [];
    private readonly List<AcceptedLogin> _accepted = [];
    private DateTimeOffset? _first, _last;
    private long _lines, _malformed, _unrecognized, _failures, _successes;
    // Bounded: past this many distinct shapes, new ones are not tracked (the commonest come early and often).
    private const int MaxShapes = 4096;
    private const int ShapeWords = 6;
    private readonly Dictionary<string, long> _shapes = new(StringComparer.Ordinal);
    private readonly AttemptCounting _counting;
    private string? _lastProgram;
    private int _lastProgramId;

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
        var host = -1;
        if (remote is not null)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_hostIds, remote, out var seen);
            if (!seen) id = NewRow(ref _hosts, _hostIds.Count - 1);
            host = id;
        }

        var failed = _counting.FailedAttempts(entry);
        if (failed > 0)
        {
            _failures += failed;
            var t = entry.Timestamp;
            // The hour of the clock time as written (its offset kept), by truncating ticks.
            var hour = new DateTimeOffset(t.DateTime.Ticks - t.DateTime.Ticks % TimeSpan.TicksPerHour, t.Offset);
            CollectionsMarshal.GetValueRefOrAddDefault(_perHour, hour, out _) += failed;
            var program = ProgramId(entry.Program);
            var pid = entry.ProcessId is { } p ? p : NoPid;
            var user = evt.User is { } name ? UserId(name) : -1;
            var known = false;
            if (host >= 0)
            {
                ref var row = ref _hosts[host];
                if (row.Failures == 0) row.First = row.Last = t;
                row.Failures += failed;
                if (t < row.First) row.First = t;
                if (t > row.Last) row.Last = t;
                // A connection logs several failures (Invalid user, Failed password, Disconnected...): when this one is the
                // host's last connection and user again, every set below already holds it, and the lookups are skipped.
                known = row.IsLast(program, pid, user);
                if (!known)
                {
                    if (_hostConnections.Add((host, program, pid))) row.Connections++;
                    if (user >= 0 && _hostUsers.Add((host, user))) row.Users++;
                }
            }
            if (!known && user >= 0 && _userConnectionSet.Add((user, program, pid, host))) _userConnections[user]++;
        }
        else if (_counting.Logins(entry) is > 0 and var logins)
        {
            _successes += logins;
            _accepted.Add(new AcceptedLogin(entry.Timestamp, evt.User, evt.Remote, (evt as SshdAcceptedAuthentication)?.Method));
        }
    }

    // Outside int's range: a line without a pid is its own process, never one with a pid.
    private const long NoPid = long.MinValue;

    private static int NewRow<T>(ref T[] rows, int id)
    {
        if (id == rows.Length) Array.Resize(ref rows, rows.Length * 2);
        return id;
    }

    private int UserId(string user)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_userIds, user, out var seen);
        if (!seen) id = NewRow(ref _userConnections, _userIds.Count - 1);
        return id;
    }

    // Lines of one program come in runs and the reader interns its name: the last one is checked by reference first.
    private int ProgramId(string program)
    {
        if (ReferenceEquals(program, _lastProgram)) return _lastProgramId;
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_programIds, program, out var seen);
        if (!seen) id = _programIds.Count - 1;
        (_lastProgram, _lastProgramId) = (program, id);
        return id;
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
        Hosts = [.. _hostIds
            .Where(h => _hosts[h.Value].Failures > 0)
            .Select(h => Activity(h.Key, in _hosts[h.Value]))
            .OrderByDescending(h => h.Failures).ThenBy(h => h.Host, StringComparer.Ordinal)],
        UsersTried = [.. _userIds
            .Where(u => _userConnections[u.Value] > 0)
            .Select(u => new KeyValuePair<string, long>(u.Key, _userConnections[u.Value]))
            .OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal)],
        Accepted = [.. _accepted],
        DistinctRemoteHosts = _hostIds.Count,
    };

    private static HostActivity Activity(string host, in HostRow r) => new(host, r.Failures, r.Connections, r.Users, r.First, r.Last);

    /// <summary>One remote host's counts, attacking once it has a failure; its connections and users are counted as the sets first take them.</summary>
    private struct HostRow
    {
        public long Failures;
        public DateTimeOffset First;
        public DateTimeOffset Last;
        public int Connections;
        public int Users;
        private int _lastProgram;
        private long _lastPid;
        private int _lastUser;
        private bool _hasLast;

        /// <summary>True when the failure is of the same connection and user as the host's last; else remembers it.</summary>
        public bool IsLast(int program, long pid, int user)
        {
            if (_hasLast && pid == _lastPid && program == _lastProgram && user == _lastUser) return true;
            (_lastProgram, _lastPid, _lastUser, _hasLast) = (program, pid, user, true);
            return false;
        }
    }
}
