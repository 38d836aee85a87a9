namespace LogParsing.Analysis;

/// <summary>
/// The synchronous core of <see cref="AuthLogEntryStreams.WithSessionRemotes"/>: entries go in one at a time, and come out
/// enriched, in order, ambiguous ones held back until their connection names its address. It lets a consumer that already
/// loops over entries (the detector) correlate inline, without a second async iterator between it and the reader.
/// </summary>
internal sealed class SessionRemoteStage(int capacity)
{
    private readonly SessionCorrelator _correlator = new(capacity);
    // Entries held behind an unresolved one, in order; the unresolved ones by connection.
    private readonly Queue<Held> _held = new();
    private readonly Dictionary<(string? Host, int Pid), List<Held>> _waiting = [];

    /// <summary>
    /// Takes the next entry. Returns it enriched when it can go out at once (the usual case, nothing held); otherwise null,
    /// and the entries it released are taken with <see cref="TryTake"/>.
    /// </summary>
    public AuthLogEntry? Add(AuthLogEntry entry)
    {
        var enriched = _correlator.Enrich(entry);
        if (_waiting.Count > 0 && SessionCorrelator.GivesRemote(enriched, out var connection, out var remote) && _waiting.Remove(connection, out var resolved))
        {
            foreach (var slot in resolved)
            {
                slot.Entry = slot.Entry with { Event = slot.Entry.Event with { Remote = remote, RemoteAmbiguous = false } };
                slot.Waiting = false;
            }
        }
        if (_held.Count == 0 && !SessionCorrelator.AwaitsRemote(enriched, out _)) return enriched;
        var next = new Held(enriched, SessionCorrelator.AwaitsRemote(enriched, out var awaited));
        if (next.Waiting) (_waiting.TryGetValue(awaited, out var list) ? list : _waiting[awaited] = []).Add(next);
        _held.Enqueue(next);
        return null;
    }

    /// <summary>The next held entry that may go out now: resolved, or held longer than the lookahead.</summary>
    public bool TryTake(out AuthLogEntry entry)
    {
        if (_held.Count > 0 && (!_held.Peek().Waiting || _held.Count > AuthLogEntryStreams.AmbiguityLookahead))
        {
            var head = _held.Dequeue();
            if (head.Waiting) Unwait(head);
            entry = head.Entry;
            return true;
        }
        entry = null!;
        return false;
    }

    /// <summary>At the end of the input: the next held entry, resolved or not.</summary>
    public bool TryTakeRest(out AuthLogEntry entry)
    {
        if (_held.Count > 0)
        {
            entry = _held.Dequeue().Entry;
            return true;
        }
        entry = null!;
        return false;
    }

    private void Unwait(Held head)
    {
        if (!SessionCorrelator.AwaitsRemote(head.Entry, out var connection) || !_waiting.TryGetValue(connection, out var list)) return;
        list.Remove(head);
        if (list.Count == 0) _waiting.Remove(connection);
    }

    private sealed class Held(AuthLogEntry entry, bool waiting)
    {
        public AuthLogEntry Entry { get; set; } = entry;

        public bool Waiting { get; set; } = waiting;
    }
}
