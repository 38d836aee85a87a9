using MaxMind.Db;

namespace LogParsing.Analysis.Geo;

// The parts of the GeoLite2 City / Country and ASN schemas we read, as MaxMind.Db's source generator decodes them
// (constructor models: no reflection, so the tool stays Native AOT). DB-IP's lite databases use the same keys.

/// <summary>A GeoLite2 City or Country record.</summary>
internal sealed class MmdbPlace
{
    [Constructor]
    public MmdbPlace(
        [MapKey("continent")] MmdbNamed? continent,
        [MapKey("country")] MmdbNamed? country,
        [MapKey("city")] MmdbNamed? city,
        [MapKey("location")] MmdbLocation? location,
        [MapKey("subdivisions")] List<MmdbNamed>? subdivisions)
    {
        Continent = continent;
        Country = country;
        City = city;
        Location = location;
        Subdivisions = subdivisions;
    }

    public MmdbNamed? Continent { get; }
    public MmdbNamed? Country { get; }
    public MmdbNamed? City { get; }
    public MmdbLocation? Location { get; }
    public List<MmdbNamed>? Subdivisions { get; }
}

/// <summary>A continent, country, subdivision or city: its codes and names by language.</summary>
internal sealed class MmdbNamed
{
    [Constructor]
    public MmdbNamed([MapKey("code")] string? code, [MapKey("iso_code")] string? isoCode, [MapKey("names")] Dictionary<string, string>? names)
    {
        Code = code;
        IsoCode = isoCode;
        Names = names;
    }

    public string? Code { get; }
    public string? IsoCode { get; }
    public Dictionary<string, string>? Names { get; }

    /// <summary>The English name, the one Elasticsearch writes.</summary>
    public string? English => Names is not null && Names.TryGetValue("en", out var name) ? name : null;
}

/// <summary>A record's location.</summary>
internal sealed class MmdbLocation
{
    [Constructor]
    public MmdbLocation([MapKey("latitude")] double? latitude, [MapKey("longitude")] double? longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double? Latitude { get; }
    public double? Longitude { get; }
}

/// <summary>A GeoLite2 ASN record.</summary>
internal sealed class MmdbNetwork
{
    [Constructor]
    public MmdbNetwork([MapKey("autonomous_system_number")] long? number, [MapKey("autonomous_system_organization")] string? organization)
    {
        Number = number;
        Organization = organization;
    }

    public long? Number { get; }
    public string? Organization { get; }
}
