namespace LogParsing.Analysis.Detections;

/// <summary>
/// One existing account attacked from many sources: failures for one user name from at least <see cref="MinSources"/>
/// distinct sources within <see cref="Window"/> (a window that ends at the failure that fires). Failures for names sshd
/// calls invalid do not count. After firing, the user is ignored for <see cref="Suppress"/>. No peer has a stock rule for
/// this (docs/detections.md).
/// </summary>
public sealed record DistributedRule : DetectionRule
{
    /// <summary>Distinct sources that fire the rule (at least 2).</summary>
    public int MinSources { get; init; } = 10;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the user is ignored after firing.</summary>
    public TimeSpan Suppress { get; init; } = TimeSpan.FromHours(1);
}
