namespace LogParsing.Benchmarks.Baselines;

/// <summary>What both baselines extract from a line: the same fields the library keeps (header, message, kind, user, remote).</summary>
public sealed record BaselineEntry(
    DateTimeOffset Timestamp, string? Host, string Program, int? ProcessId, string Message,
    string Kind, string? User, string? RemoteHost, int? Port);
