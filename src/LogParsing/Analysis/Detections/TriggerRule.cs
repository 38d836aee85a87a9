namespace LogParsing.Analysis.Detections;

/// <summary>
/// A rule that fires on each matching event (CrowdSec's <c>trigger</c> bucket, Wazuh's single-event rules), at most once per
/// key (source or user) within <see cref="Suppress"/> (CrowdSec's <c>blackhole</c>; zero for every event).
/// </summary>
public sealed record TriggerRule : DetectionRule
{
    /// <summary>How long the same key is silent after firing.</summary>
    public TimeSpan Suppress { get; init; }
}
