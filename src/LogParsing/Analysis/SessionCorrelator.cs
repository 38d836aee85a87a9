using System.Runtime.InteropServices;
using LogParsing.Auth.Sshd;
using LogParsing.Grammar;

namespace LogParsing.Analysis;

/// <summary>
/// Fills <see cref="AuthEvent.Remote"/> of sshd lines that carry no address (<c>fatal: Read from socket failed: Connection reset
/// by peer [preauth]</c>, <c>error: kex_exchange_identification: ...</c>, PAM session lines) from earlier lines of the same host
/// and pid, and resolves lines whose address was ambiguous (<see cref="AuthEvent.RemoteAmbiguous"/>) the same way. Bounded: a
/// connection is forgotten when it ends, and the oldest when more than <see cref="Capacity"/> are open.
/// </summary>
/// <example>
/// <code>
/// await foreach (var e in AuthLogReader.ReadAsync(path).WithSessionRemotes())
///     if (e.Event is SshdSocketError { Remote: { } remote }) Console.WriteLine($"reset from {remote.Host}");
/// </code>
/// </example>
public sealed class SessionCorrelator
{
    // Open connections by (host, pid), each an index into _slots. The order of use is a list threaded through the slots
    // by index, and freed slots are reused: a new connection costs a dictionary entry, no LinkedListNode.
    private readonly Dictionary<Connection, int> _open = [];
    private Slot[] _slots = new Slot[16];
    // Each slot's host text, HostChars a slot: see Slot.
    private char[] _hostText = new char[16 * HostChars];
    private int _used;
    private int _free = -1;
    private int _oldest = -1;
    private int _newest = -1;
    // A log has few hosts and the reader interns their names, so consecutive lines share one host string: its hash is
    // kept for that reference instead of hashing the name again on every sshd line.
    private string? _lastHost;
    private int _lastHostHash;

    /// <summary>Creates a correlator that remembers at most <paramref name="capacity"/> open connections.</summary>
    /// <param name="capacity">The most connections remembered at once (at least 1).</param>
    public SessionCorrelator(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most connections remembered at once.</summary>
    public int Capacity { get; }

    /// <summary>Connections remembered now.</summary>
    public int Count => _open.Count;

    /// <summary>Returns <paramref name="entry"/>, with its event's <see cref="AuthEvent.Remote"/> filled when the line lacked it and an earlier line of its connection had it.</summary>
    /// <param name="entry">The next entry of the log, in order.</param>
    public AuthLogEntry Enrich(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ProcessId is not { } pid || !IsSshd(entry)) return entry;
        var evt = entry.Event;

        // The 9.8+ listener names the session process it gave up on: that pid's connection is this address.
        if (evt is SshdTimeout { ChildProcessId: { } child, Remote: { } childRemote })
            Remember(Key(entry.Host, child), childRemote);

        var key = Key(entry.Host, pid);
        if (EndsConnection(evt))
        {
            // The connection ends here: a line that names its address adds nothing to remember (and so evicts no other).
            if (_open.Remove(key, out var ended))
            {
                if (evt.Remote is null) entry = WithRemote(entry, RemoteOf(ended));
                Release(ended);
            }
        }
        else if (evt.Remote is { } remote)
            Remember(key, remote);
        else if (_open.TryGetValue(key, out var known))
            entry = WithRemote(entry, RemoteOf(known));
        return entry;
    }

    /// <summary>
    /// True when <paramref name="entry"/> still waits for its connection's address: a line that admitted two readings of
    /// it (<see cref="AuthEvent.RemoteAmbiguous"/>) and no earlier line of the connection gave it.
    /// </summary>
    /// <param name="entry">An entry <see cref="Enrich"/> returned.</param>
    /// <param name="connection">The connection (host and pid) whose next address resolves it.</param>
    public static bool AwaitsRemote(AuthLogEntry entry, out (string? Host, int Pid) connection)
    {
        ArgumentNullException.ThrowIfNull(entry);
        connection = (entry.Host, entry.ProcessId ?? 0);
        return entry.Event is { RemoteAmbiguous: true, Remote: null } && entry.ProcessId is not null && IsSshd(entry);
    }

    /// <summary>The connection (host and pid) of an sshd entry that names its address, for resolving entries that await it.</summary>
    /// <param name="entry">An entry <see cref="Enrich"/> returned.</param>
    /// <param name="connection">Its connection.</param>
    /// <param name="remote">The address.</param>
    public static bool GivesRemote(AuthLogEntry entry, out (string? Host, int Pid) connection, out RemoteEndpoint remote)
    {
        ArgumentNullException.ThrowIfNull(entry);
        connection = (entry.Host, entry.ProcessId ?? 0);
        remote = entry.Event.Remote!;
        return entry.Event.Remote is not null && entry.ProcessId is not null && IsSshd(entry);
    }

    private static bool IsSshd(AuthLogEntry entry) =>
        entry.Program is "sshd" or "sshd-session" or "sshd-auth" || (entry.Event is Auth.Pam.PamEvent { Service: "sshd" });

    private static bool EndsConnection(AuthEvent evt) =>
        evt is SshdDisconnected or SshdConnectionClosed or SshdConnectionReset or SshdSocketError or SshdTimeout or SshdConnectionError;

    private static AuthLogEntry WithRemote(AuthLogEntry entry, RemoteEndpoint? remote) =>
        entry with { Event = entry.Event with { Remote = remote, RemoteAmbiguous = false } };

    private Connection Key(string? host, int pid)
    {
        if (!ReferenceEquals(host, _lastHost))
        {
            if (string.Equals(host, _lastHost, StringComparison.Ordinal)) host = _lastHost;
            else (_lastHost, _lastHostHash) = (host, host is null ? 0 : string.GetHashCode(host, StringComparison.Ordinal));
        }
        return new Connection(host, pid, HashCode.Combine(_lastHostHash, pid));
    }

    private void Remember(Connection key, RemoteEndpoint remote)
    {
        // One lookup whether the connection is known or new.
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, key, out var known);
        if (known)
        {
            Store(index, remote);
            if (index != _newest)
            {
                Unlink(index);
                Append(index);
            }
            return;
        }
        if (_open.Count > Capacity)
        {
            // The new key is in already: the oldest goes, and the table holds Capacity again. Removing moves no other
            // entry, so the reference to the new one stays good.
            var oldest = _oldest;
            _open.Remove(_slots[oldest].Key);
            Release(oldest);
        }
        index = Allocate();
        _slots[index].Key = key;
        Store(index, remote);
        Append(index);
    }

    // The endpoint as value when the parser can make it again (RemoteEndpointParser.CanRecreate): an IPv4 address as its
    // four bytes, another host as its text; else the reference.
    private void Store(int index, RemoteEndpoint remote)
    {
        ref var slot = ref _slots[index];
        var port = remote.Port ?? -1;
        var v4 = RemoteEndpointParser.V4(remote, out var octets);
        if (Holds(slot, index, remote, v4, octets, port)) return;
        if (v4 && RemoteEndpointParser.IsPlainV4(remote, octets))
            (slot.Kind, slot.V4, slot.HostLength, slot.Port, slot.Remote) = (ValueKind.V4, octets, remote.Host.Length, port, null);
        else if (!v4 && remote.Host.Length <= HostChars && RemoteEndpointParser.CanRecreate(remote))
        {
            remote.Host.CopyTo(_hostText.AsSpan(index * HostChars, HostChars));
            (slot.Kind, slot.HostLength, slot.Port, slot.Remote) = (ValueKind.Text, remote.Host.Length, port, null);
        }
        else (slot.Kind, slot.HostLength, slot.Port, slot.Remote) = (ValueKind.Reference, 0, 0, remote);
    }

    // A connection's lines name one endpoint: most stores find it held already, an IPv4 one by its bytes alone (a plain
    // dotted quad is the shortest spelling of its address, so an equal length is the same spelling).
    private bool Holds(in Slot slot, int index, RemoteEndpoint remote, bool v4, uint octets, int port) => slot.Kind switch
    {
        ValueKind.Reference => ReferenceEquals(slot.Remote, remote),
        _ when slot.Port != port || slot.HostLength != remote.Host.Length => false,
        ValueKind.V4 => v4 && slot.V4 == octets,
        _ => !v4 && HostText(index, slot.HostLength).SequenceEqual(remote.Host),
    };

    private RemoteEndpoint? RemoteOf(int index)
    {
        ref var slot = ref _slots[index];
        int? port = slot.Port < 0 ? null : slot.Port;
        return slot.Kind switch
        {
            ValueKind.V4 => RemoteEndpointParser.RecreateV4(slot.V4, port),
            ValueKind.Text => RemoteEndpointParser.Recreate(HostText(index, slot.HostLength), port),
            _ => slot.Remote,
        };
    }

    private ReadOnlySpan<char> HostText(int index, int length) => _hostText.AsSpan(index * HostChars, length);

    // A slot from the free list, or a new one; the array grows by doubling, never past the capacity, so a large capacity
    // costs nothing until that many connections are open.
    private int Allocate()
    {
        if (_free >= 0)
        {
            var index = _free;
            _free = _slots[index].Next;
            return index;
        }
        if (_used == _slots.Length)
        {
            Array.Resize(ref _slots, (int)Math.Min((long)_slots.Length * 2, Math.Max(Capacity, 16)));
            Array.Resize(ref _hostText, _slots.Length * HostChars);
        }
        return _used++;
    }

    private void Release(int index)
    {
        Unlink(index);
        // Dropped so that a forgotten connection's strings and address can be collected.
        _slots[index] = new Slot { Next = _free };
        _free = index;
    }

    private void Unlink(int index)
    {
        ref var slot = ref _slots[index];
        if (slot.Prev >= 0) _slots[slot.Prev].Next = slot.Next;
        else _oldest = slot.Next;
        if (slot.Next >= 0) _slots[slot.Next].Prev = slot.Prev;
        else _newest = slot.Prev;
        slot.Prev = slot.Next = -1;
    }

    private void Append(int index)
    {
        ref var slot = ref _slots[index];
        slot.Prev = _newest;
        slot.Next = -1;
        if (_newest >= 0) _slots[_newest].Next = index;
        else _oldest = index;
        _newest = index;
    }

    private enum ValueKind : byte
    {
        Reference,
        V4,
        Text,
    }

    // An IPv6 address with a scope fits; longer hosts (names) are held by reference.
    private const int HostChars = 48;

    /// <summary>
    /// An open connection. Its endpoint is held as a value (an IPv4 address's bytes, or text in _hostText, with the
    /// length and port here) and made again from it when a line needs it, not by reference: connections live for
    /// thousands of lines, long enough that a referenced endpoint, its address and its host string were copied by the
    /// collector into its older generations and died there,
    /// and with 4,096 connections open that alone made most young collections gen-1 ones and 13 full blocking ones a
    /// million lines (benchmarks.md). Its key's host is the syslog host, one string for the whole log.
    /// </summary>
    private struct Slot
    {
        public Connection Key;
        public RemoteEndpoint? Remote;
        public ValueKind Kind;
        public uint V4;
        public int HostLength;
        public int Port;
        public int Prev;
        public int Next;
    }

    // Host and pid, with their hash made once (Key): the dictionary's default comparer calls these directly, where a
    // comparer object was an interface call for every hash and every compare.
    private readonly struct Connection(string? host, int pid, int hash) : IEquatable<Connection>
    {
        public string? Host { get; } = host;

        public int Pid { get; } = pid;

        public bool Equals(Connection other) =>
            Pid == other.Pid && (ReferenceEquals(Host, other.Host) || string.Equals(Host, other.Host, StringComparison.Ordinal));

        public override bool Equals(object? obj) => obj is Connection other && Equals(other);

        public override int GetHashCode() => hash;
    }
}
