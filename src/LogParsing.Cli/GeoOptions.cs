using System.CommandLine;
using LogParsing.Analysis.Geo;

namespace LogParsing.Cli;

/// <summary><c>--geoip FILE</c> and <c>--asn FILE</c>: the .mmdb databases of the commands that read auth logs.</summary>
internal sealed class GeoOptions
{
    public Option<string?> GeoIP { get; } = new("--geoip") { Description = "A GeoLite2 or DB-IP City or Country database (.mmdb, as geoipupdate keeps in /var/lib/GeoIP): where remote hosts are." };

    public Option<string?> Asn { get; } = new("--asn") { Description = "A GeoLite2 or DB-IP ASN database (.mmdb): whose network remote hosts are in." };

    public void AddTo(Command command)
    {
        command.Options.Add(GeoIP);
        command.Options.Add(Asn);
    }

    /// <summary>Where an address is, for text output: <c>[SE AS29518]</c>, <c>[SE]</c>, <c>[AS29518]</c>; null when the databases know neither.</summary>
    public static string? Tag(GeoInfo? where)
    {
        if (where is null || (where.CountryIsoCode is null && where.AsNumber is null)) return null;
        var country = where.CountryIsoCode is { } code ? Safe.Text(code) : null;
        var network = where.AsNumber is { } number ? "AS" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return "[" + (country is not null && network is not null ? country + " " + network : country ?? network) + "]";
    }

    /// <summary>The databases given, or null when neither option was; a file that is not the right kind of database is a usage error.</summary>
    public GeoDatabases? Open(ParseResult parse)
    {
        var geoip = parse.GetValue(GeoIP);
        var asn = parse.GetValue(Asn);
        if (geoip is null && asn is null) return null;
        try
        {
            return GeoDatabases.Open(geoip, asn);
        }
        catch (InvalidDataException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }
}
