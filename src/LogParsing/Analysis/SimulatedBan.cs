using System.Net;

namespace LogParsing.Analysis;

/// <summary>A ban a <see cref="BanPolicy"/> would have imposed.</summary>
/// <param name="Host">The remote host as the log wrote it.</param>
/// <param name="Address">Its address, or null for a name.</param>
/// <param name="Start">When the ban would start: the time of the failure that reached the limit.</param>
/// <param name="End">When it would end; null for a permanent ban.</param>
/// <param name="Failures">The failures within the window that triggered it.</param>
/// <param name="BanNumber">1 for the host's first ban, 2 for its second...</param>
public sealed record SimulatedBan(string Host, IPAddress? Address, DateTimeOffset Start, DateTimeOffset? End, int Failures, int BanNumber);
