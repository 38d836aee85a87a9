namespace LogParsing.Analysis.Detections;

/// <summary>The last N failed attempts of a source or a user: enough to tell whether N fell within a window before a login.</summary>
internal sealed class RecentFailures : IRulePart
{
    private (long Ticks, DateTimeOffset Time, PackedPosition Position, string? User)[] _ring = [];
    private int _count;
    private int _start;

    public int Size => _count;

    public void Add(long ticks, DateTimeOffset time, PackedPosition position, string? user, int n)
    {
        if (_ring.Length != n) (_ring, _count, _start) = (new (long, DateTimeOffset, PackedPosition, string?)[n], 0, 0);
        if (_count < n) _ring[(_start + _count++) % n] = (ticks, time, position, user);
        else
        {
            _ring[_start] = (ticks, time, position, user);
            _start = (_start + 1) % n;
        }
    }

    /// <summary>True when the ring is full and its oldest failure is at or after <paramref name="since"/>.</summary>
    public bool Holds(int n, long since) => _ring.Length == n && _count == n && _ring[_start].Ticks >= since;

    /// <summary>Moves the failures into <paramref name="evidence"/> and forgets them.</summary>
    public void Drain(EvidenceBuffer evidence, DetectionRules rules)
    {
        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(_start + i) % _ring.Length];
            evidence.Add(e.Time, e.Position, e.User, 1, rules);
        }
        _count = _start = 0;
    }

    public void Clear() => _count = _start = 0;

    /// <summary>Back to a new ring's state, its array kept (<see cref="PartSpares"/>).</summary>
    public void Reset() => _count = _start = 0;
}
