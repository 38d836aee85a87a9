namespace LogParsing.Analysis.Detections;

/// <summary>
/// CrowdSec's <c>ssh-time-based-bf</c> (a conditional bucket): per source, once there are at least <see cref="Failures"/>
/// failures, the median of the intervals between the last <see cref="Failures"/> of them exceeds <see cref="MedianInterval"/>.
/// A login from the source cancels the bucket; <see cref="Idle"/> without an event forgets it; after an alert the source is
/// silent for <see cref="Blackhole"/>.
/// </summary>
public sealed record TimeSpreadRule : DetectionRule
{
    /// <summary>The failures the median is taken over (at least 2).</summary>
    public int Failures { get; init; } = 4;

    /// <summary>The median interval to exceed.</summary>
    public TimeSpan MedianInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the bucket lives without an event (CrowdSec's <c>leakspeed</c> of a conditional bucket).</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long alerts for the same source are silent after one.</summary>
    public TimeSpan Blackhole { get; init; } = TimeSpan.FromMinutes(5);
}
