namespace LogParsing.Analysis.Detections;

/// <summary>
/// CrowdSec's leaky bucket for one source, in time-machine mode (pkg/leakybucket/bucket.go, timemachine.go over
/// pkg/time/rate): a token bucket that starts full, refills continuously at one token per leak speed, overflows on the
/// event that finds less than one token, dies after (capacity + 1) × leak speed without an accepted event or on
/// overflow; the blackhole outlives the bucket. With <c>distinct</c>, an event whose key the bucket has seen is
/// dropped before it pours, and does not keep the bucket alive (pkg/leakybucket/uniq.go).
/// </summary>
internal sealed class LeakyBucket : EvidenceBuffer, IRulePart
{
    // The distinct keys seen, as a ring by hand (the oldest at _distinctStart) rather than a List: one object less per
    // source, and forgetting the oldest no longer shifts the rest.
    private string[]? _distinct;
    private int _distinctCount;
    private int _distinctStart;
    private double _tokens;
    private long _last;
    private long _lastPour;
    private bool _live;
    private long _blackholeUntil = long.MinValue;

    // The bucket is its evidence (see EvidenceBuffer): no second object per bucket.
    public EvidenceBuffer Evidence => this;

    public int Size => EvidenceSize + _distinctCount;

    /// <summary>Pours one event; true when it overflows outside the blackhole (an alert), the evidence then in <see cref="Evidence"/>.</summary>
    public bool Pour(long ticks, DateTimeOffset time, PackedPosition position, string? user, string? distinct, LeakyBucketRule rule, DetectionRules rules)
    {
        var capacity = Math.Max(1, rule.Capacity);
        var leak = rule.LeakSpeed.Ticks <= 0 ? 1 : rule.LeakSpeed.Ticks;
        // The bucket's ticker: reset on each accepted pour, it ends the bucket after Duration = (capacity+1) x leakspeed.
        if (_live && (double)ticks - _lastPour >= (double)(capacity + 1) * leak) Kill();
        if (distinct is not null && _live && Seen(distinct)) return false;
        if (!_live)
        {
            _live = true;
            _tokens = capacity;
            _last = ticks;
        }
        if (distinct is not null) Remember(distinct, rules.MaxDistinctUsersPerSource);
        Add(time, position, user, 1, rules);
        _lastPour = ticks;

        var elapsed = ticks > _last ? ticks - _last : 0;
        _tokens = Math.Min(capacity, _tokens + TokensFrom(elapsed, leak));
        _last = Math.Max(_last, ticks);
        _tokens -= 1;
        if (_tokens >= 0) return false;

        // Overflow: the bucket ends whether or not the alert is blackholed.
        _live = false;
        if (ticks < _blackholeUntil)
        {
            Kill();
            return false;
        }
        _blackholeUntil = Ticks.Until(ticks, rule.Blackhole);
        return true;
    }

    /// <summary>Forgets the bucket after its alert was taken.</summary>
    public void Kill()
    {
        _live = false;
        Clear();
        if (_distinct is not null) Array.Clear(_distinct);
        _distinctCount = _distinctStart = 0;
    }

    /// <summary>Back to a new bucket's state, its arrays kept (<see cref="PartSpares"/>).</summary>
    public void Reset()
    {
        Kill();
        ResetEvidence();
        _tokens = 0;
        _last = _lastPour = 0;
        _blackholeUntil = long.MinValue;
    }

    // golang.org/x/time/rate's tokensFromDuration: whole seconds and the rest apart, so that float rounding lands where Go's does.
    private static double TokensFrom(long elapsedTicks, long leakTicks)
    {
        var limit = 1.0 / (leakTicks / (double)TimeSpan.TicksPerSecond);
        var sec = (double)(elapsedTicks / TimeSpan.TicksPerSecond) * limit;
        var nsec = (double)(elapsedTicks % TimeSpan.TicksPerSecond * 100) * limit;
        return sec + nsec / 1e9;
    }

    private bool Seen(string key)
    {
        for (var i = 0; i < _distinctCount; i++)
            if (string.Equals(_distinct![i], key, StringComparison.Ordinal)) return true;
        return false;
    }

    private void Remember(string key, int cap)
    {
        var max = Math.Max(1, cap);
        // Bounded: an endless slow spray keeps one bucket alive; the oldest name is forgotten (and would count again).
        if (_distinctCount >= max)
        {
            _distinct![_distinctStart] = key;
            _distinctStart = (_distinctStart + 1) % _distinctCount;
            return;
        }
        var keys = _distinct ??= new string[Math.Min(8, max)];
        if (_distinctCount == keys.Length)
        {
            // Not yet full, so the ring has not wrapped: its order is the array's.
            Array.Resize(ref _distinct, Math.Min(keys.Length * 2, max));
        }
        _distinct[_distinctCount++] = key;
    }
}
