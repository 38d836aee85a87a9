using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MaxMind.Db;

namespace LogParsing.Analysis.Geo;

/// <summary>
/// A GeoIP database (GeoLite2 or DB-IP lite, City or Country) and an ASN database, either or both, as
/// <c>geoipupdate</c> keeps them (<c>/var/lib/GeoIP/GeoLite2-City.mmdb</c>, <c>GeoLite2-ASN.mmdb</c>): the lookup
/// behind <see cref="GeoEnrichment.WithGeo"/>, the summary's "where they come from" and ECS's <c>source.geo</c> / <c>source.as</c>.
/// </summary>
/// <remarks>
/// Private, loopback, link-local, unspecified and multicast addresses are never looked up (<see cref="IsLookedUp"/>): no
/// database places them, and an answer for them would only mislead. Answers are cached per address, since the same few
/// hosts make most of an auth log's lines. Safe to use from several threads; dispose it to close the files.
/// </remarks>
public sealed class GeoDatabases : IDisposable
{
    // Attackers number in the thousands, not millions: the cap only bounds a hostile input.
    private const int CacheLimit = 100_000;

    private readonly Reader? _place;
    private readonly Reader? _network;
    private readonly ConcurrentDictionary<IPAddress, GeoInfo?> _cache = new();

    private GeoDatabases(Reader? place, Reader? network)
    {
        _place = place;
        _network = network;
    }

    /// <summary>Opens the databases given.</summary>
    /// <param name="geoipPath">A City or Country database (<c>GeoLite2-City.mmdb</c>, <c>dbip-city-lite.mmdb</c>), or null.</param>
    /// <param name="asnPath">An ASN database (<c>GeoLite2-ASN.mmdb</c>, <c>dbip-asn-lite.mmdb</c>), or null.</param>
    /// <exception cref="ArgumentException">Neither path is given.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not a MaxMind DB, or not of the kind its argument asks for.</exception>
    public static GeoDatabases Open(string? geoipPath, string? asnPath)
    {
        if (geoipPath is null && asnPath is null) throw new ArgumentException("Give a GeoIP database, an ASN database or both.");
        Reader? place = null;
        try
        {
            place = geoipPath is null ? null : OpenReader(geoipPath, "City or Country", static t => t.Contains("City", StringComparison.OrdinalIgnoreCase) || t.Contains("Country", StringComparison.OrdinalIgnoreCase));
            var network = asnPath is null ? null : OpenReader(asnPath, "ASN", static t => t.Contains("ASN", StringComparison.OrdinalIgnoreCase));
            return new GeoDatabases(place, network);
        }
        catch
        {
            place?.Dispose();
            throw;
        }
    }

    /// <summary>The type a City or Country database names itself by (<c>GeoLite2-City</c>), or null without one.</summary>
    public string? GeoIPDatabaseType => _place?.Metadata.DatabaseType;

    /// <summary>The type the ASN database names itself by (<c>GeoLite2-ASN</c>), or null without one.</summary>
    public string? AsnDatabaseType => _network?.Metadata.DatabaseType;

    /// <summary>What the databases say of the entry's remote address, or null (see <see cref="Lookup(IPAddress)"/>).</summary>
    /// <param name="entry">The entry.</param>
    public GeoInfo? Lookup(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Event.Remote?.Address is { } address ? Lookup(address) : null;
    }

    /// <summary>
    /// What the databases say of <paramref name="address"/>: null when it is not looked up (<see cref="IsLookedUp"/>) or
    /// when neither database knows it.
    /// </summary>
    /// <param name="address">The address.</param>
    /// <exception cref="InvalidDataException">The database is corrupt at this address's record.</exception>
    public GeoInfo? Lookup(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (!IsLookedUp(address)) return null;
        if (_cache.TryGetValue(address, out var cached)) return cached;
        var found = Find(address);
        if (_cache.Count < CacheLimit) _cache.TryAdd(address, found);
        return found;
    }

    /// <summary>
    /// False for the addresses that are never looked up: private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7),
    /// loopback, link-local (169.254/16, fe80::/10), unspecified and multicast.
    /// </summary>
    /// <param name="address">The address (an IPv4-mapped IPv6 address is judged as its IPv4 address).</param>
    public static bool IsLookedUp(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out var length)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork && length == 4)
        {
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && (b[1] & 0xC0) == 64));
        }
        return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC);
    }

    private GeoInfo? Find(IPAddress address)
    {
        try
        {
            var place = _place?.Find<MmdbPlace>(address);
            var network = _network?.Find<MmdbNetwork>(address);
            if (place is null && network is null) return null;
            var region = place?.Subdivisions is [var first, ..] ? first : null;
            var country = place?.Country?.IsoCode;
            return new GeoInfo
            {
                ContinentCode = place?.Continent?.Code,
                ContinentName = place?.Continent?.English,
                CountryIsoCode = country,
                CountryName = place?.Country?.English,
                // Elasticsearch's geoip processor writes the subdivision with its country: SE-E, not E.
                RegionIsoCode = region?.IsoCode is { } code ? country is null ? code : $"{country}-{code}" : null,
                RegionName = region?.English,
                CityName = place?.City?.English,
                Latitude = place?.Location?.Latitude,
                Longitude = place?.Location?.Longitude,
                AsNumber = network?.Number,
                AsOrganization = network?.Organization,
            };
        }
        catch (InvalidDatabaseException ex)
        {
            throw new InvalidDataException($"the GeoIP database is corrupt at the record of {address}: {ex.Message}", ex);
        }
    }

    private static Reader OpenReader(string path, string kind, Func<string, bool> accepts)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such GeoIP database.", path);
        Reader reader;
        try
        {
            reader = new Reader(path, FileAccessMode.MemoryMapped);
        }
        catch (InvalidDatabaseException ex)
        {
            throw new InvalidDataException($"{path} is not a MaxMind DB file (.mmdb): {ex.Message}", ex);
        }
        if (accepts(reader.Metadata.DatabaseType)) return reader;
        var type = reader.Metadata.DatabaseType;
        reader.Dispose();
        throw new InvalidDataException($"{path} is a {type} database, not a {kind} database.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _place?.Dispose();
        _network?.Dispose();
    }
}
