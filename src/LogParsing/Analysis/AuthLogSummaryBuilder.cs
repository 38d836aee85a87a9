using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LogParsing.Auth.Sshd;

namespace LogParsing.Analysis;

/// <summary>Accumulates entries into an <see cref="AuthLogSummary"/> one at a time (for streams that do not end, call <see cref="Build"/> whenever).</summary>
public sealed class AuthLogSummaryBuilder
{
    // By type, named at Build: a type's Name is a lookup of its own on every line.
    private readonly Dictionary<Type, long> _eventCounts = [];
    // The state is rows of numbers, not an object per host or a set per user: a busy log has a hundred thousand hosts
    // and half a million connections, and arrays and sets of structs without references are never traced by the GC,
    // where that many small objects, promoted and then scanned in every collection, cost more than the counting.
    // Every remote host seen, attacking or not: one lookup a line serves the distinct count and the host's row.
    private readonly NameNumbering _hostIds = new(4096);
    private readonly ChunkedRows<HostRow> _hosts = new();
    private readonly NameNumbering _userIds = new(1024);
    private long[] _userConnectionCounts = new long[64];
    private readonly NameNumbering _programIds = new(64);
    // A connection is a program's process (its pid, or none) and the host it came from. Nearly every connection tries one
    // user, so the connection's row holds it: a (connection, user) pair is new when the connection is, and only the rare
    // connection that tries a second name needs the pair set. Each fact is counted once, with one lookup per connection.
    private readonly ConnectionTable _connections = new();
    private readonly LongSet _hostUsers = new();
    private readonly HashSet<(int User, int Program, long Pid, int Host)> _otherUsers = [];
    // Keyed by the instant, as DateTimeOffset compares: the first offset seen names the hour.
    private readonly HourNumbering _hourIds = new();
    private long[] _hourCounts = new long[64];
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
        var host = -1;
        if (remote is not null) host = _hosts.Have(_hostIds.Of(remote));

        var failed = _counting.FailedAttempts(entry);
        if (failed > 0)
        {
            _failures += failed;
            var t = entry.Timestamp;
            // The hour of the clock time as written (its offset kept), by truncating ticks.
            var hour = new DateTimeOffset(t.DateTime.Ticks - t.DateTime.Ticks % TimeSpan.TicksPerHour, t.Offset);
            // Not _hourCounts[HourId(hour)]: the array is read before the call that may grow it.
            var hourId = NewRow(ref _hourCounts, _hourIds.Of(hour));
            _hourCounts[hourId] += failed;
            var program = _programIds.Of(entry.Program);
            var pid = entry.ProcessId is { } p ? p : NoPid;
            var user = evt.User is { } name ? NewRow(ref _userConnectionCounts, _userIds.Of(name)) : -1;
            if (host >= 0)
            {
                ref var row = ref _hosts[host];
                row.Seen(t);
                row.Failures += failed;
                // A connection logs several failures (Invalid user, Failed password, Disconnected...): when this one is the
                // host's last connection and user again, everything below already counted it, and the lookups are skipped.
                if (row.IsLast(program, pid, user)) return;
            }
            if (Connection(host, program, pid, user, out var newConnection) && host >= 0)
            {
                ref var row = ref _hosts[host];
                if (newConnection) row.Connections++;
                if (user >= 0 && NewHostUser(ref row, host, user)) row.Users++;
            }
        }
        else if (_counting.Logins(entry) is > 0 and var logins)
        {
            _successes += logins;
            _accepted.Add(new AcceptedLogin(entry.Timestamp, evt.User, evt.Remote, (evt as SshdAcceptedAuthentication)?.Method));
        }
    }

    // Outside int's range: a line without a pid is its own process, never one with a pid.
    private const long NoPid = long.MinValue;

    // Grows the rows when the id is a new one, just past their end.
    private static int NewRow<T>(ref T[] rows, int id)
    {
        if (id == rows.Length) Array.Resize(ref rows, rows.Length * 2);
        return id;
    }

    /// <summary>
    /// Counts the (connection, user) pair once: true when it is new (a user with no name is no pair, but is a connection),
    /// <paramref name="newConnection"/> when the connection is.
    /// </summary>
    private bool Connection(int host, int program, long pid, int user, out bool newConnection)
    {
        ref var row = ref _connections.Of(host, program, pid, out newConnection);
        if (user < 0) return newConnection;
        if (row.User == user) return false;
        if (row.User < 0) row.User = user;
        else
        {
            // A second name on one connection: from now on its pairs are kept one by one, the first one included.
            if (!row.Several) _otherUsers.Add((row.User, program, pid, host));
            row.Several = true;
            if (!_otherUsers.Add((user, program, pid, host))) return false;
        }
        _userConnectionCounts[user]++;
        return true;
    }

    // As with a connection's users: most hosts try one name, which their row holds; the pair set takes the rest.
    private bool NewHostUser(ref HostRow row, int host, int user)
    {
        if (row.FirstUser == user + 1) return false;
        if (row.FirstUser == 0)
        {
            row.FirstUser = user + 1;
            return true;
        }
        if (!row.SeveralUsers) _hostUsers.Add((long)host << 32 | (uint)(row.FirstUser - 1));
        row.SeveralUsers = true;
        return _hostUsers.Add((long)host << 32 | (uint)user);
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
        FailuresPerHour = [.. _hourIds.Ids.Select(h => new KeyValuePair<DateTimeOffset, long>(h.Key, _hourCounts[h.Value])).OrderBy(p => p.Key)],
        Hosts = AttackingHosts(),
        UsersTried = UsersByConnections(),
        Accepted = [.. _accepted],
        DistinctRemoteHosts = _hostIds.Count,
    };

    // A big log's hundred thousand hosts, most with a failure or two: ranked by keys in arrays, not LINQ's keys and map.
    private ImmutableArray<HostActivity> AttackingHosts()
    {
        var ranking = new Ranking(_hostIds.Count);
        foreach (var (host, id) in _hostIds.Ids)
            if (_hosts[id].Failures is > 0 and var n) ranking.Add(n, host, id);
        ranking.Sort();
        var builder = ImmutableArray.CreateBuilder<HostActivity>(ranking.Count);
        for (var i = 0; i < ranking.Count; i++)
        {
            ref var row = ref _hosts[ranking.Id(i)];
            builder.Add(new(ranking.Name(i), row.Failures, row.Connections, row.Users, row.First, row.Last));
        }
        return builder.MoveToImmutable();
    }

    private ImmutableArray<KeyValuePair<string, long>> UsersByConnections()
    {
        var ranking = new Ranking(_userIds.Count);
        foreach (var (user, id) in _userIds.Ids)
            if (_userConnectionCounts[id] is > 0 and var n) ranking.Add(n, user, id);
        ranking.Sort();
        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, long>>(ranking.Count);
        for (var i = 0; i < ranking.Count; i++) builder.Add(new(ranking.Name(i), ranking.CountOf(i)));
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// Names ranked by count, then by name (ordinal). Most of a big log's hosts tie on a failure or two, so each name gets a
    /// 128-bit key, its count and its first twelve characters, and the keys are sorted as numbers, with no comparer call;
    /// only names whose keys tie (the same count and first twelve characters) are then compared whole. Names are unique,
    /// so the order is one whatever the sort.
    /// </summary>
    private sealed class Ranking(int capacity)
    {
        private const int PrefixChars = 12;
        private readonly UInt128[] _keys = new UInt128[capacity];
        private readonly int[] _order = new int[capacity];
        private readonly long[] _counts = new long[capacity];
        private readonly string[] _names = new string[capacity];
        private readonly int[] _ids = new int[capacity];
        private Comparison<int>? _whole;

        public int Count { get; private set; }

        public void Add(long count, string name, int id)
        {
            var i = Count++;
            (_counts[i], _names[i], _ids[i], _order[i]) = (count, name, id, i);
            // Higher counts first: the complement of the count (clamped, which only makes more ties) in the top 32 bits.
            UInt128 key = uint.MaxValue - (uint)Math.Min(count, uint.MaxValue);
            // Then the characters as CompareOrdinal orders them; one past 255 and a missing one (as 0) tie, and ties are
            // compared whole below.
            for (var c = 0; c < PrefixChars; c++) key = key << 8 | (c < name.Length ? Math.Min(name[c], (char)255) : 0u);
            _keys[i] = key;
        }

        public void Sort()
        {
            Array.Sort(_keys, _order, 0, Count);
            for (var start = 0; start < Count;)
            {
                var end = start + 1;
                while (end < Count && _keys[end] == _keys[start]) end++;
                if (end - start > 1) _order.AsSpan(start, end - start).Sort(_whole ??= Whole);
                start = end;
            }
        }

        private int Whole(int a, int b) =>
            _counts[a] != _counts[b] ? _counts[b].CompareTo(_counts[a]) : string.CompareOrdinal(_names[a], _names[b]);

        public string Name(int rank) => _names[_order[rank]];

        public long CountOf(int rank) => _counts[_order[rank]];

        public int Id(int rank) => _ids[_order[rank]];
    }

    /// <summary>
    /// Rows numbered 0, 1, 2... in chunks of 4,096 that are never moved. A big log's hundred thousand hosts were one
    /// array grown by doubling: 32 MB of large-object allocations to hold 16, each spending the large-object budget whose
    /// end is a full blocking collection. Chunked, the rows cost what they hold, and a million-line summary makes four
    /// full collections instead of five (docs/benchmarks.md, seventh round).
    /// </summary>
    private sealed class ChunkedRows<T> where T : struct
    {
        private const int ChunkBits = 12;
        private const int ChunkSize = 1 << ChunkBits;
        private T[][] _chunks = new T[8][];
        private int _count;

        public ref T this[int id] => ref _chunks[id >> ChunkBits][id & (ChunkSize - 1)];

        /// <summary>Row <paramref name="id"/>, made when it is the next new one (ids are handed out in order).</summary>
        public int Have(int id)
        {
            if (id < _count) return id;
            var chunk = id >> ChunkBits;
            if (chunk == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
            ref var rows = ref _chunks[chunk];
            // The first chunk starts small and doubles, as the array did: most logs have a few hosts.
            if (rows is null) rows = new T[chunk == 0 ? 256 : ChunkSize];
            else if ((id & (ChunkSize - 1)) == rows.Length) Array.Resize(ref rows, rows.Length * 2);
            _count = id + 1;
            return id;
        }
    }

    /// <summary>
    /// Numbers hours 0, 1, 2... in the order first seen. A log's lines come in time order, so nearly every line falls in
    /// the hour of the line before, and comparing with it settles the line without hashing.
    /// </summary>
    private sealed class HourNumbering
    {
        private readonly Dictionary<DateTimeOffset, int> _ids = [];
        private DateTimeOffset _last;
        private int _lastId = -1;

        /// <summary>Every hour with its number.</summary>
        public Dictionary<DateTimeOffset, int> Ids => _ids;

        public int Of(DateTimeOffset hour)
        {
            if (_lastId >= 0 && hour == _last) return _lastId;
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, hour, out var seen);
            if (!seen) id = _ids.Count - 1;
            _last = hour;
            _lastId = id;
            return id;
        }
    }

    /// <summary>
    /// Numbers names (hosts, users, programs) 0, 1, 2... in the order first seen, with a direct-mapped cache of names by
    /// identity in front of the dictionary: the reader interns them, so the lines of a probe (and of a host that comes
    /// back while the reader's text cache still holds it) bring the same string, and its identity hash settles them
    /// without hashing or comparing text. The cache's size is a power of two.
    /// A name that misses (a first sighting, a copy, a slot taken by another) goes to the dictionary, which is always right.
    /// </summary>
    private sealed class NameNumbering(int cacheSize)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly string?[] _names = new string?[cacheSize];
        private readonly int[] _nameIds = new int[cacheSize];

        public int Count => _ids.Count;

        /// <summary>Every name with its number.</summary>
        public Dictionary<string, int> Ids => _ids;

        public int Of(string name)
        {
            var slot = RuntimeHelpers.GetHashCode(name) & (_names.Length - 1);
            if (ReferenceEquals(_names[slot], name)) return _nameIds[slot];
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, name, out var seen);
            if (!seen) id = _ids.Count - 1;
            _names[slot] = name;
            _nameIds[slot] = id;
            return id;
        }
    }

    /// <summary>
    /// A connection (its host, program and pid, or none), the user it tried first (-1 before one), and whether it tried
    /// others; 16 bytes, so that the table of a big log's half a million connections stays small.
    /// </summary>
    private struct ConnectionRow
    {
        // One past the host's number in the high half, one past the program's in the low 31 bits, and the top bit of the
        // low half set for a line without a pid: never 0, which marks an empty slot. Numbers stay below int.MaxValue.
        public long Key;
        public int Pid;
        // The first user, or when the connection tried others, -2 - that user: every value has one meaning.
        private int _user;

        public readonly bool Used => Key != 0;

        public int User
        {
            readonly get => _user >= -1 ? _user : -2 - _user;
            set => _user = Several ? -2 - value : value;
        }

        /// <summary>Whether the connection tried a second user; set only once it has a first.</summary>
        public bool Several
        {
            readonly get => _user < -1;
            set
            {
                if (value != Several) _user = -2 - _user;
            }
        }

        public static long KeyOf(int host, int program, bool hasPid) =>
            (long)(host + 1) << 32 | (uint)(program + 1) | (hasPid ? 0 : 1L << 31);
    }

    /// <summary>
    /// The connections, each row in its own slot of one array (open addressing, linear probing, at most half full): most
    /// of a big log's failure lines open a connection, so nearly every lookup is an insert, and one probe into one array
    /// costs one cache miss where a dictionary's buckets, entries and a separate row array cost three.
    /// </summary>
    private sealed class ConnectionTable
    {
        private ConnectionRow[] _rows = new ConnectionRow[1024];
        private int _count;
        private int _shift = 64 - 10;

        public ref ConnectionRow Of(int host, int program, long pid, out bool isNew)
        {
            var key = ConnectionRow.KeyOf(host, program, pid != NoPid);
            var pid32 = pid == NoPid ? 0 : (int)pid;
            var mask = _rows.Length - 1;
            for (var i = Slot(key, pid32, _shift); ; i = (i + 1) & mask)
            {
                ref var row = ref _rows[i];
                if (!row.Used)
                {
                    if (2 * (_count + 1) > _rows.Length)
                    {
                        Grow();
                        return ref Of(host, program, pid, out isNew);
                    }
                    _count++;
                    row = new ConnectionRow { Key = key, Pid = pid32, User = -1 };
                    isNew = true;
                    return ref row;
                }
                if (row.Key == key && row.Pid == pid32)
                {
                    isNew = false;
                    return ref row;
                }
            }
        }

        // The slot is the top bits of a multiplicative hash, so that hosts and pids that differ in low bits land apart.
        private static int Slot(long key, int pid, int shift) =>
            (int)(((ulong)key * 0x9E3779B97F4A7C15 ^ (ulong)(uint)pid * 0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15 >> shift);

        private void Grow()
        {
            var old = _rows;
            _rows = new ConnectionRow[old.Length * 2];
            _shift--;
            var mask = _rows.Length - 1;
            foreach (ref readonly var row in old.AsSpan())
            {
                if (!row.Used) continue;
                var i = Slot(row.Key, row.Pid, _shift);
                while (_rows[i].Used) i = (i + 1) & mask;
                _rows[i] = row;
            }
        }
    }

    /// <summary>A set of non-negative longs (a host's number and a user's), open addressing as <see cref="ConnectionTable"/>.</summary>
    private sealed class LongSet
    {
        // A value is stored complemented, so that 0 marks an empty slot and every non-negative value has a slot.
        private long[] _slots = new long[1024];
        private int _count;
        private int _shift = 64 - 10;

        /// <summary>True when <paramref name="value"/> (at least 0) was not in the set.</summary>
        public bool Add(long value)
        {
            var stored = ~value;
            var mask = _slots.Length - 1;
            for (var i = (int)((ulong)value * 0x9E3779B97F4A7C15 >> _shift); ; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (slot == stored) return false;
                if (slot != 0) continue;
                if (2 * (_count + 1) > _slots.Length)
                {
                    Grow();
                    return Add(value);
                }
                _slots[i] = stored;
                _count++;
                return true;
            }
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new long[old.Length * 2];
            _shift--;
            var mask = _slots.Length - 1;
            foreach (var stored in old)
            {
                if (stored == 0) continue;
                var i = (int)((ulong)~stored * 0x9E3779B97F4A7C15 >> _shift);
                while (_slots[i] != 0) i = (i + 1) & mask;
                _slots[i] = stored;
            }
        }
    }

    // 64 bytes where two DateTimeOffsets and the padding around small fields made 80: a big log has a row for each of its
    // hundred thousand hosts (ChunkedRows). The times are kept as instants with their offsets (in minutes), and come back
    // as written.
    /// <summary>One remote host's counts, attacking once it has a failure; its connections and users are counted as the sets first take them.</summary>
    private struct HostRow
    {
        public long Failures;
        private long _firstTicks;
        private long _lastTicks;
        private long _lastPid;
        public int Connections;
        public int Users;
        /// <summary>One past the first user's number, 0 before one; <see cref="SeveralUsers"/> once the pair set holds its users.</summary>
        public int FirstUser;
        private int _lastProgram;
        private int _lastUser;
        private short _firstOffset;
        private short _lastOffset;
        public bool SeveralUsers;
        private bool _hasLast;

        public readonly DateTimeOffset First => Time(_firstTicks, _firstOffset);

        public readonly DateTimeOffset Last => Time(_lastTicks, _lastOffset);

        /// <summary>Takes a failure's time into First and Last (before its count is added): the earliest and the latest instant, the first seen on a tie.</summary>
        public void Seen(DateTimeOffset t)
        {
            var ticks = t.UtcTicks;
            var offset = (short)(t.Offset.Ticks / TimeSpan.TicksPerMinute);
            if (Failures == 0 || ticks < _firstTicks) (_firstTicks, _firstOffset) = (ticks, offset);
            if (Failures == 0 || ticks > _lastTicks) (_lastTicks, _lastOffset) = (ticks, offset);
        }

        private static DateTimeOffset Time(long utcTicks, short offset) =>
            new(utcTicks + offset * TimeSpan.TicksPerMinute, TimeSpan.FromMinutes(offset));

        /// <summary>True when the failure is of the same connection and user as the host's last; else remembers it.</summary>
        public bool IsLast(int program, long pid, int user)
        {
            if (_hasLast && pid == _lastPid && program == _lastProgram && user == _lastUser) return true;
            (_lastProgram, _lastPid, _lastUser, _hasLast) = (program, pid, user, true);
            return false;
        }
    }
}
