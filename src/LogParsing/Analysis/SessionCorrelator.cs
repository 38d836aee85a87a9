using LogParsing.Auth.Sshd;

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
    private readonly Dictionary<(string? Host, int Pid), LinkedListNode<((string? Host, int Pid) Key, RemoteEndpoint Remote)>> _open = [];
    private readonly LinkedList<((string? Host, int Pid) Key, RemoteEndpoint Remote)> _order = new();

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
            Remember((entry.Host, child), childRemote);

        var key = (entry.Host, pid);
        if (evt.Remote is { } remote)
            Remember(key, remote);
        else if (_open.TryGetValue(key, out var known))
            entry = entry with { Event = evt with { Remote = known.Value.Remote, RemoteAmbiguous = false } };

        if (EndsConnection(evt)) Forget(key);
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

    private void Remember((string? Host, int Pid) key, RemoteEndpoint remote)
    {
        if (_open.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            node.Value = (key, remote);
            _order.AddLast(node);
            return;
        }
        if (_open.Count >= Capacity)
        {
            var oldest = _order.First!;
            _order.RemoveFirst();
            _open.Remove(oldest.Value.Key);
        }
        _open[key] = _order.AddLast((key, remote));
    }

    private void Forget((string? Host, int Pid) key)
    {
        if (_open.Remove(key, out var node)) _order.Remove(node);
    }
}
