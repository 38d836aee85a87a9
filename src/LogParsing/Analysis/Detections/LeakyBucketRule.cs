namespace LogParsing.Analysis.Detections;

/// <summary>
/// CrowdSec's leaky bucket, in its time-machine form (log timestamps, not the clock): a bucket per source starts full
/// with <see cref="Capacity"/> tokens and refills one token per <see cref="LeakSpeed"/>, fractionally, up to
/// <see cref="Capacity"/>; each event takes one token, and the event that finds less than one overflows (so
/// <see cref="Capacity"/> + 1 events in a burst). A bucket with no event for (<see cref="Capacity"/> + 1) ×
/// <see cref="LeakSpeed"/> is forgotten; an overflow ends it too. After an alert, the same source's overflows are
/// silent for <see cref="Blackhole"/>.
/// </summary>
public sealed record LeakyBucketRule : DetectionRule
{
    /// <summary>The bucket's capacity (CrowdSec's <c>capacity</c>, at least 1).</summary>
    public int Capacity { get; init; } = 5;

    /// <summary>The time one token takes to come back (CrowdSec's <c>leakspeed</c>).</summary>
    public TimeSpan LeakSpeed { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long alerts for the same source are silent after one (CrowdSec's <c>blackhole</c>).</summary>
    public TimeSpan Blackhole { get; init; } = TimeSpan.FromMinutes(1);
}
