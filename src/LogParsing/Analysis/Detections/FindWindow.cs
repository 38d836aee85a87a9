namespace LogParsing.Analysis.Detections;

/// <summary>
/// fail2ban's jail for one source, as <see cref="BanSimulator"/> replays it: events within the find time, fired at
/// <see cref="SlidingWindowRule.MaxRetry"/>, then forgotten, and the source ignored while it would be banned.
/// </summary>
internal sealed class FindWindow
{
    private readonly Queue<(long Ticks, DateTimeOffset Time, LogPosition Position, string? User)> _events = new();
    private long _suppressedUntil = long.MinValue;

    public int Size => _events.Count;

    /// <summary>Adds <paramref name="count"/> events at <paramref name="ticks"/>; true when they fire the rule, the evidence then in <paramref name="evidence"/>.</summary>
    public bool Add(long ticks, DateTimeOffset time, LogPosition position, string? user, int count, SlidingWindowRule rule, DetectionRules rules, EvidenceBuffer evidence)
    {
        // A banned source's lines never reach sshd's log in fail2ban's world: they do not count.
        if (ticks < _suppressedUntil) return false;
        for (var i = 0; i < count; i++) _events.Enqueue((ticks, time, position, user));
        var since = Ticks.Sub(ticks, rule.FindTime.Ticks);
        while (_events.Count > 0 && _events.Peek().Ticks <= since) _events.Dequeue();
        if (_events.Count < Math.Max(1, rule.MaxRetry)) return false;

        evidence.Clear();
        // Repeats of one line share its position: one piece of evidence, counted as many times as it repeats.
        var previous = default(LogPosition);
        var first = true;
        foreach (var e in _events)
        {
            if (first || e.Position != previous || e.Position == default) evidence.Add(e.Time, e.Position, e.User, 1, rules);
            else evidence.AddCount(1);
            previous = e.Position;
            first = false;
        }
        _events.Clear();
        _suppressedUntil = Ticks.Until(ticks, rule.Suppress);
        return true;
    }
}
