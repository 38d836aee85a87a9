namespace LogParsing.Analysis.Detections;

/// <summary>
/// fail2ban's jail semantics, as <see cref="BanSimulator"/> replays them: the rule fires on the event that makes
/// <see cref="MaxRetry"/> within <see cref="FindTime"/> (a window that ends at that event and excludes its start), then
/// forgets them and ignores the source for <see cref="Suppress"/> (fail2ban's bantime: a banned source's lines are not counted).
/// </summary>
public sealed record SlidingWindowRule : DetectionRule
{
    /// <summary>Events that fire the rule (fail2ban's <c>maxretry</c>, at least 1).</summary>
    public int MaxRetry { get; init; } = 5;

    /// <summary>The window (fail2ban's <c>findtime</c>).</summary>
    public TimeSpan FindTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the source is ignored after firing (fail2ban's <c>bantime</c>).</summary>
    public TimeSpan Suppress { get; init; } = TimeSpan.FromMinutes(10);
}
