namespace LogParsing.Analysis;

/// <summary>
/// A fail2ban-like jail policy: a host with <see cref="MaxRetry"/> failures within <see cref="FindTime"/> is banned for
/// <see cref="BanTime"/>. The defaults are fail2ban's (<c>jail.conf</c>: maxretry 5, findtime 10m, bantime 10m).
/// </summary>
public sealed record BanPolicy
{
    /// <summary>Failures that trigger a ban (at least 1).</summary>
    public int MaxRetry { get; init; } = 5;

    /// <summary>The window the failures must fall in.</summary>
    public TimeSpan FindTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a ban lasts; <see cref="Timeout.InfiniteTimeSpan"/> (or any negative span) for a permanent ban.</summary>
    public TimeSpan BanTime { get; init; } = TimeSpan.FromMinutes(10);
}
