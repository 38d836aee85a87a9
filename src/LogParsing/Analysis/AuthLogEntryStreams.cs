using System.Runtime.CompilerServices;

namespace LogParsing.Analysis;

/// <summary>Enrichments over a stream of entries.</summary>
public static class AuthLogEntryStreams
{
    /// <summary>
    /// Fills the remote address of sshd lines that carry none from earlier lines of the same connection (host and pid),
    /// with a <see cref="SessionCorrelator"/> of the given capacity. A line whose address was ambiguous
    /// (<see cref="AuthEvent.RemoteAmbiguous"/>: a client-chosen field could have held it) and that no earlier line resolves
    /// is held back until a later line of its connection names the address (<c>Connection closed by ... [preauth]</c>),
    /// for at most <see cref="AmbiguityLookahead"/> entries; order is kept, so the entries after it wait too.
    /// </summary>
    /// <param name="entries">Entries in log order.</param>
    /// <param name="capacity">The most open connections remembered at once.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static IAsyncEnumerable<AuthLogEntry> WithSessionRemotes(this IAsyncEnumerable<AuthLogEntry> entries, int capacity = 4096, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Impl(entries, new SessionCorrelator(capacity), cancellationToken);

        static async IAsyncEnumerable<AuthLogEntry> Impl(IAsyncEnumerable<AuthLogEntry> entries, SessionCorrelator correlator, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Entries held behind an unresolved one, in order; the unresolved ones by connection.
            var held = new Queue<Held>();
            var waiting = new Dictionary<(string? Host, int Pid), List<Held>>();
            await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var enriched = correlator.Enrich(entry);
                if (waiting.Count > 0 && SessionCorrelator.GivesRemote(enriched, out var connection, out var remote) && waiting.Remove(connection, out var resolved))
                {
                    foreach (var slot in resolved)
                    {
                        slot.Entry = slot.Entry with { Event = slot.Entry.Event with { Remote = remote, RemoteAmbiguous = false } };
                        slot.Waiting = false;
                    }
                }
                if (held.Count == 0 && !SessionCorrelator.AwaitsRemote(enriched, out _))
                {
                    yield return enriched;
                    continue;
                }
                var next = new Held(enriched, SessionCorrelator.AwaitsRemote(enriched, out var awaited));
                if (next.Waiting) (waiting.TryGetValue(awaited, out var list) ? list : waiting[awaited] = []).Add(next);
                held.Enqueue(next);
                while (held.Count > 0 && (!held.Peek().Waiting || held.Count > AmbiguityLookahead))
                {
                    var head = held.Dequeue();
                    if (head.Waiting) Unwait(waiting, head);
                    yield return head.Entry;
                }
            }
            while (held.Count > 0) yield return held.Dequeue().Entry;
        }
    }

    /// <summary>How many entries <see cref="WithSessionRemotes"/> reads ahead for the address of an ambiguous line.</summary>
    public const int AmbiguityLookahead = 256;

    private static void Unwait(Dictionary<(string? Host, int Pid), List<Held>> waiting, Held head)
    {
        if (!SessionCorrelator.AwaitsRemote(head.Entry, out var connection) || !waiting.TryGetValue(connection, out var list)) return;
        list.Remove(head);
        if (list.Count == 0) waiting.Remove(connection);
    }

    private sealed class Held(AuthLogEntry entry, bool waiting)
    {
        public AuthLogEntry Entry { get; set; } = entry;

        public bool Waiting { get; set; } = waiting;
    }
}
