using System.Collections.Immutable;

namespace LogParsing.Analysis.Geo;

/// <summary>
/// Where the failures come from: by country and by network (autonomous system), most failures first, the addresses
/// the databases do not know (key <c>-</c>) last. Only remote
/// addresses that are looked up count (not private, loopback or link-local ones: <see cref="GeoDatabases.IsLookedUp"/>).
/// </summary>
public sealed record GeoSummary
{
    /// <summary>Failures and failing hosts by country; empty without a City or Country database.</summary>
    public ImmutableArray<GeoCount> ByCountry { get; init; } = [];

    /// <summary>Failures and failing hosts by network; empty without an ASN database.</summary>
    public ImmutableArray<GeoCount> ByNetwork { get; init; } = [];

    /// <summary>Distinct failing hosts whose address was looked up.</summary>
    public int LookedUpHosts { get; init; }

    /// <summary>Distinct failing hosts not looked up: private, loopback or link-local addresses, and host names.</summary>
    public int NotLookedUpHosts { get; init; }
}
