using System.Collections.Immutable;
using System.Net;

namespace LogParsing.Analysis.Geo;

/// <summary>
/// Builds a <see cref="GeoSummary"/> from entries added one at a time, counting the lines whose outcome is a failure
/// (<see cref="AuthOutcome.Failure"/>), as the summary's own failure counts do.
/// </summary>
/// <param name="databases">The databases to look the failing hosts up in; the caller keeps and disposes them.</param>
public sealed class GeoSummaryBuilder(GeoDatabases databases)
{
    private readonly Dictionary<IPAddress, long> _failuresByAddress = [];
    private readonly HashSet<string> _notLookedUp = new(StringComparer.Ordinal);

    /// <summary>Counts <paramref name="entry"/> when it is a failure from a remote host.</summary>
    /// <param name="entry">The entry.</param>
    public void Add(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Event.Outcome != AuthOutcome.Failure || entry.Event.Remote is not { } remote) return;
        if (remote.Address is not { } address || !GeoDatabases.IsLookedUp(address))
        {
            _notLookedUp.Add(remote.Host);
            return;
        }
        _failuresByAddress[address] = _failuresByAddress.GetValueOrDefault(address) + entry.RepeatCount;
    }

    /// <summary>The summary of what was added.</summary>
    public GeoSummary Build()
    {
        var countries = new Dictionary<string, (string? Name, long Failures, int Hosts)>(StringComparer.Ordinal);
        var networks = new Dictionary<string, (string? Name, long Failures, int Hosts)>(StringComparer.Ordinal);
        foreach (var (address, failures) in _failuresByAddress)
        {
            var geo = databases.Lookup(address);
            if (databases.GeoIPDatabaseType is not null)
                Count(countries, geo?.CountryIsoCode ?? "-", geo?.CountryName, failures);
            if (databases.AsnDatabaseType is not null)
                Count(networks, geo?.AsNumber is { } number ? $"AS{number}" : "-", geo?.AsOrganization, failures);
        }
        return new GeoSummary
        {
            ByCountry = Rows(countries),
            ByNetwork = Rows(networks),
            LookedUpHosts = _failuresByAddress.Count,
            NotLookedUpHosts = _notLookedUp.Count,
        };
    }

    private static void Count(Dictionary<string, (string? Name, long Failures, int Hosts)> rows, string key, string? name, long failures)
    {
        var row = rows.GetValueOrDefault(key);
        rows[key] = (row.Name ?? name, row.Failures + failures, row.Hosts + 1);
    }

    private static ImmutableArray<GeoCount> Rows(Dictionary<string, (string? Name, long Failures, int Hosts)> rows)
    {
        var list = new List<GeoCount>(rows.Count);
        foreach (var (key, row) in rows) list.Add(new GeoCount(key, row.Name, row.Failures, row.Hosts));
        // The unknown ("-") row last: it is what the databases could not say, not a place.
        list.Sort(static (a, b) => (a.Key == "-") != (b.Key == "-") ? (a.Key == "-" ? 1 : -1)
            : b.Failures != a.Failures ? b.Failures.CompareTo(a.Failures)
            : b.Hosts != a.Hosts ? b.Hosts.CompareTo(a.Hosts) : string.CompareOrdinal(a.Key, b.Key));
        return [.. list];
    }
}
