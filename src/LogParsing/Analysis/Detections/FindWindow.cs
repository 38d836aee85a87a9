namespace LogParsing.Analysis.Detections;

/// <summary>
/// fail2ban's jail for one source, as <see cref="BanSimulator"/> replays it: events within the find time, fired at
/// <see cref="SlidingWindowRule.MaxRetry"/>, then forgotten, and the source ignored while it would be banned.
/// </summary>
internal sealed class FindWindow : IRulePart
{
    // A ring kept by hand rather than a Queue: the window lives in every source that knocks twice, and the Queue was one
    // object more per source for the collector to trace.
    private (long Ticks, DateTimeOffset Time, PackedPosition Position, string? User)[] _events = [];
    private int _head;
    private int _count;
    private long _suppressedUntil = long.MinValue;

    public int Size => _count;

    /// <summary>Back to a new window's state, its ring kept (<see cref="PartSpares"/>).</summary>
    public void Reset()
    {
        // What the ring held past the new count is never read: it is overwritten as events come.
        _head = _count = 0;
        _suppressedUntil = long.MinValue;
    }

    /// <summary>Adds <paramref name="count"/> events at <paramref name="ticks"/>; true when they fire the rule, the evidence then in <paramref name="evidence"/>.</summary>
    public bool Add(long ticks, DateTimeOffset time, PackedPosition position, string? user, int count, SlidingWindowRule rule, DetectionRules rules, EvidenceBuffer evidence)
    {
        // A banned source's lines never reach sshd's log in fail2ban's world: they do not count.
        if (ticks < _suppressedUntil) return false;
        for (var i = 0; i < count; i++) Enqueue((ticks, time, position, user), rule.MaxRetry);
        var since = Ticks.Sub(ticks, rule.FindTime.Ticks);
        while (_count > 0 && _events[_head].Ticks <= since)
        {
            _events[_head] = default;
            _head = (_head + 1) % _events.Length;
            _count--;
        }
        if (_count < Math.Max(1, rule.MaxRetry)) return false;

        evidence.Clear();
        // Repeats of one line share its position: one piece of evidence, counted as many times as it repeats.
        var previous = default(PackedPosition);
        var first = true;
        for (var i = 0; i < _count; i++)
        {
            var e = _events[(_head + i) % _events.Length];
            if (first || e.Position != previous || e.Position.IsDefault) evidence.Add(e.Time, e.Position, e.User, 1, rules);
            else evidence.AddCount(1);
            previous = e.Position;
            first = false;
        }
        Array.Clear(_events);
        _head = _count = 0;
        _suppressedUntil = Ticks.Until(ticks, rule.Suppress);
        return true;
    }

    private void Enqueue((long Ticks, DateTimeOffset Time, PackedPosition Position, string? User) e, int maxRetry)
    {
        if (_count == _events.Length)
        {
            // One slot (about half the windows of the real mix hold one event: probing sources that knock once), then
            // MaxRetry, which fire the rule and empty the window (it grew 4 then 8, a second 600-byte array for a brute
            // force's fifth failure), then doubling, for a line repeated past it.
            var size = _events.Length switch { 0 => 1, 1 => Math.Clamp(maxRetry, 2, 64), var n => n * 2 };
            var grown = new (long, DateTimeOffset, PackedPosition, string?)[size];
            for (var i = 0; i < _count; i++) grown[i] = _events[(_head + i) % _events.Length];
            (_events, _head) = (grown, 0);
        }
        _events[(_head + _count++) % _events.Length] = e;
    }
}
