namespace LogParsing.Analysis.Geo;

/// <summary>An entry with where its remote address is (see <see cref="GeoEnrichment.WithGeo"/>).</summary>
/// <param name="Entry">The entry, unchanged.</param>
/// <param name="Geo">
/// What the databases say of the entry's remote address; null when the entry names no address, when the address is
/// private, loopback or link-local (never looked up), or when the databases do not know it.
/// </param>
public sealed record GeoEnrichedEntry(AuthLogEntry Entry, GeoInfo? Geo);
