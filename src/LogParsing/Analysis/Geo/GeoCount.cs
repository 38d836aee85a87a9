namespace LogParsing.Analysis.Geo;

/// <summary>One row of <see cref="GeoSummary"/>: a country or a network, with the failures and the hosts it accounts for.</summary>
/// <param name="Key">The country's ISO code (<c>SE</c>) or the network's AS number (<c>AS29518</c>); <c>-</c> when the databases do not know the address.</param>
/// <param name="Name">The country's or the network's name (<c>Sweden</c>, <c>Bredband2 AB</c>), or null.</param>
/// <param name="Failures">The failure lines from its hosts (each counted <see cref="AuthLogEntry.RepeatCount"/> times).</param>
/// <param name="Hosts">The distinct hosts with failures.</param>
public sealed record GeoCount(string Key, string? Name, long Failures, int Hosts);
