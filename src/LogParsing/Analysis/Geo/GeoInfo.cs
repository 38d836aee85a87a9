namespace LogParsing.Analysis.Geo;

/// <summary>
/// Where an address is, and whose network it is in, as a GeoLite2 (or DB-IP lite) City or Country database and an ASN
/// database say. Every field is null when the databases given do not know it: a Country database has no city, region or
/// location; without an ASN database there is no network.
/// </summary>
/// <remarks>The names are the databases' English names, the ones Elasticsearch's geoip processor writes.</remarks>
public sealed record GeoInfo
{
    /// <summary>The continent's two-letter code (<c>EU</c>), or null.</summary>
    public string? ContinentCode { get; init; }

    /// <summary>The continent's English name (<c>Europe</c>), or null.</summary>
    public string? ContinentName { get; init; }

    /// <summary>The country's ISO 3166-1 alpha-2 code (<c>SE</c>), or null.</summary>
    public string? CountryIsoCode { get; init; }

    /// <summary>The country's English name (<c>Sweden</c>), or null.</summary>
    public string? CountryName { get; init; }

    /// <summary>The first subdivision's ISO 3166-2 code with its country (<c>SE-E</c>), as Elasticsearch writes it, or null.</summary>
    public string? RegionIsoCode { get; init; }

    /// <summary>The first subdivision's English name (<c>Östergötland County</c>), or null.</summary>
    public string? RegionName { get; init; }

    /// <summary>The city's English name (<c>Linköping</c>), or null.</summary>
    public string? CityName { get; init; }

    /// <summary>The latitude of the database's location, or null.</summary>
    public double? Latitude { get; init; }

    /// <summary>The longitude of the database's location, or null.</summary>
    public double? Longitude { get; init; }

    /// <summary>The autonomous system number of the network (<c>29518</c>), or null.</summary>
    public long? AsNumber { get; init; }

    /// <summary>The organisation of the autonomous system (<c>Bredband2 AB</c>), or null.</summary>
    public string? AsOrganization { get; init; }

    /// <summary>True when the databases placed the address in a country.</summary>
    public bool HasCountry => CountryIsoCode is not null || CountryName is not null;

    /// <summary>True when the ASN database knew the address's network.</summary>
    public bool HasNetwork => AsNumber is not null || AsOrganization is not null;
}
