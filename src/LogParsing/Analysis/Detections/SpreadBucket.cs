namespace LogParsing.Analysis.Detections;

/// <summary>
/// CrowdSec's conditional bucket of <c>ssh-time-based-bf</c> for one source (pkg/leakybucket/conditional.go): every failure
/// queued; after each, the condition <c>len(failures) &gt;= N &amp;&amp; MedianInterval(last N) &gt; M</c>; the bucket dies after
/// its leak speed (idle) without an event, on overflow, or when a login cancels it (cancel_on).
/// </summary>
internal sealed class SpreadBucket : EvidenceBuffer, IRulePart
{
    private long[] _times = [];
    private int _count;
    private long _lastEvent;
    private bool _live;
    private long _blackholeUntil = long.MinValue;

    // The bucket is its evidence (see EvidenceBuffer): no second object per bucket.
    public EvidenceBuffer Evidence => this;

    public int Size => EvidenceSize + (_live ? Math.Min(_count, _times.Length) : 0);

    public TimeSpan LastMedian { get; private set; }

    /// <summary>Adds one failure; true when it fires outside the blackhole.</summary>
    public bool Failure(long ticks, DateTimeOffset time, PackedPosition position, string? user, TimeSpreadRule rule, DetectionRules rules)
    {
        var n = Math.Max(2, rule.Failures);
        if (_live && ticks - _lastEvent >= rule.Idle.Ticks) Cancel();
        if (!_live)
        {
            _live = true;
            _count = 0;
            if (_times.Length != n) _times = new long[n];
        }
        _times[_count++ % n] = ticks;
        _lastEvent = ticks;
        Add(time, position, user, 1, rules);
        if (_count < n) return false;

        var median = Median(n);
        if (median <= rule.MedianInterval.Ticks) return false;
        LastMedian = TimeSpan.FromTicks(median);
        _live = false;
        if (ticks < _blackholeUntil)
        {
            Cancel();
            return false;
        }
        _blackholeUntil = Ticks.Until(ticks, rule.Blackhole);
        return true;
    }

    /// <summary>Ends the bucket without an alert (a login from the source, idleness, or after its alert was taken).</summary>
    public void Cancel()
    {
        _live = false;
        _count = 0;
        Clear();
    }

    /// <summary>Back to a new bucket's state, its arrays kept (<see cref="PartSpares"/>).</summary>
    public void Reset()
    {
        Cancel();
        ResetEvidence();
        _lastEvent = 0;
        _blackholeUntil = long.MinValue;
        LastMedian = default;
    }

    // expr's MedianInterval: the stamps sorted, their gaps sorted, the middle gap (the mean of the two middle ones for an even count).
    private long Median(int n)
    {
        Span<long> stamps = n <= 64 ? stackalloc long[n] : new long[n];
        _times.AsSpan(0, n).CopyTo(stamps);
        Sort(stamps);
        Span<long> gaps = n <= 64 ? stackalloc long[n - 1] : new long[n - 1];
        for (var i = 1; i < n; i++) gaps[i - 1] = stamps[i] - stamps[i - 1];
        Sort(gaps);
        var m = gaps.Length;
        return m % 2 == 1 ? gaps[m / 2] : (gaps[m / 2 - 1] + gaps[m / 2]) / 2;
    }

    // A handful of values (the rule's N, 4 by default): an insertion sort is a few compares, where the general sort's set-up
    // cost more than the sorting (2% of a summary's samples went to this method).
    private static void Sort(Span<long> values)
    {
        if (values.Length > 32)
        {
            values.Sort();
            return;
        }
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            for (; j >= 0 && values[j] > value; j--) values[j + 1] = values[j];
            values[j + 1] = value;
        }
    }
}
