using System.Net;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// What both fail2ban baselines extract from a record: the fields of <see cref="Fail2BanEntry"/> (stamp, logger, pid,
/// level as written, jail, message with its jail) and of its Found, Ban, Unban or Increase Ban event.
/// </summary>
/// <param name="Action"><c>Found</c>, <c>Ban</c>, <c>Unban</c> or <c>Increase Ban</c>.</param>
/// <param name="Target">The address as written; <paramref name="Address"/> is it parsed.</param>
/// <param name="Time">Found's time of the matched line.</param>
/// <param name="BanCount">Increase Ban's count.</param>
/// <param name="BanTime">Increase Ban's new ban time.</param>
/// <param name="Until">Increase Ban's end of the ban.</param>
public sealed record Fail2BanBaselineEntry(
    DateTimeOffset Timestamp, string Logger, int? ProcessId, string Level, string? Jail, string Message,
    string Action, string Target, IPAddress? Address,
    DateTime? Time = null, int? BanCount = null, TimeSpan? BanTime = null, DateTime? Until = null);
