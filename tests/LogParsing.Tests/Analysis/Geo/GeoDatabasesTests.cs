using System.Net;
using System.Text;
using LogParsing.Analysis.Geo;

namespace LogParsing.Tests.Analysis.Geo;

/// <summary>
/// Lookups in real MaxMind DB files of the GeoLite2 City, Country and ASN schemas, written by MaxMind's own writer
/// (Fixtures/GeoIP/make-mmdb.pl and its README say what they hold).
/// </summary>
public class GeoDatabasesTests
{
    private static string Db(string name) => Path.Combine(Fixture.Path("GeoIP"), name);

    private static GeoDatabases CityAndAsn() => GeoDatabases.Open(Db("GeoLite2-City-Test.mmdb"), Db("GeoLite2-ASN-Test.mmdb"));

    [Fact]
    public void A_public_address_has_its_city_country_and_network()
    {
        using var geo = CityAndAsn();
        var info = geo.Lookup(IPAddress.Parse("89.160.20.156"));
        Assert.Equal(new GeoInfo
        {
            ContinentCode = "EU", ContinentName = "Europe", CountryIsoCode = "SE", CountryName = "Sweden",
            RegionIsoCode = "SE-E", RegionName = "Östergötland County", CityName = "Linköping",
            Latitude = 58.4167, Longitude = 15.6167, AsNumber = 29518, AsOrganization = "Bredband2 AB",
        }, info);
        Assert.Equal("GeoLite2-City", geo.GeoIPDatabaseType);
        Assert.Equal("GeoLite2-ASN", geo.AsnDatabaseType);
    }

    [Fact]
    public void A_country_database_gives_the_country_and_no_city()
    {
        using var geo = GeoDatabases.Open(Db("GeoLite2-Country-Test.mmdb"), null);
        var info = geo.Lookup(IPAddress.Parse("198.51.100.23"))!;
        Assert.Equal(("NL", "Netherlands", "Europe"), (info.CountryIsoCode, info.CountryName, info.ContinentName));
        Assert.Null(info.CityName);
        Assert.Null(info.Latitude);
        Assert.Null(info.AsNumber);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.10.1")]
    [InlineData("192.168.1.100")]
    [InlineData("172.16.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.1.2.3")]
    public void Private_loopback_and_link_local_addresses_are_never_looked_up(string address)
    {
        // 10.0.0.0/8 is in the test databases: a null answer for 10.1.2.3 is the lookup not made, not a miss.
        using var geo = CityAndAsn();
        Assert.False(GeoDatabases.IsLookedUp(IPAddress.Parse(address)));
        Assert.Null(geo.Lookup(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_ipv4_mapped_address_is_looked_up_as_its_ipv4_address()
    {
        using var geo = CityAndAsn();
        Assert.Equal("SE", geo.Lookup(IPAddress.Parse("::ffff:89.160.20.156"))?.CountryIsoCode);
        Assert.Equal("NL", geo.Lookup(IPAddress.Parse("2001:db8::7"))?.CountryIsoCode);
    }

    [Fact]
    public void An_address_in_neither_database_has_no_answer()
    {
        using var geo = CityAndAsn();
        Assert.Null(geo.Lookup(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void A_database_of_the_wrong_kind_is_refused_with_its_name()
    {
        var ex = Assert.Throws<InvalidDataException>(() => GeoDatabases.Open(Db("GeoLite2-ASN-Test.mmdb"), null));
        Assert.Contains("GeoLite2-ASN", ex.Message);
        Assert.Throws<InvalidDataException>(() => GeoDatabases.Open(null, Db("GeoLite2-City-Test.mmdb")));
        Assert.Throws<FileNotFoundException>(() => GeoDatabases.Open("/no/such.mmdb", null));
        Assert.Throws<InvalidDataException>(() => GeoDatabases.Open(Db("README.md"), null));
    }

    [Fact]
    public async Task WithGeo_yields_every_entry_in_order_with_its_source()
    {
        // Lines of sshd's own forms (auth.c "Failed %s for %s from %s port %d ssh2", sshd.c "Invalid user %s from %s port %d").
        const string log = """
            May 31 07:07:22 nimbus sshd[1]: Failed password for root from 89.160.20.156 port 29160 ssh2
            May 31 07:07:23 nimbus sshd[2]: Invalid user admin from 10.0.0.5 port 40000
            May 31 07:07:24 nimbus CRON[3]: (root) CMD (run-parts /etc/cron.hourly)
            May 31 07:07:25 nimbus sshd[4]: Invalid user oracle from 203.0.113.9 port 40001

            """;
        using var geo = CityAndAsn();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        var enriched = await Fixture.ToListAsync(AuthLogReader.ReadAsync(stream, Fixture.Utc(), TestContext.Current.CancellationToken).WithGeo(geo, TestContext.Current.CancellationToken));
        Assert.Equal([1, 2, 3, 4], enriched.Select(e => (int)e.Entry.Position.Line));
        Assert.Equal(["SE", null, null, "CN"], enriched.Select(e => e.Geo?.CountryIsoCode));
        Assert.Equal(64501, enriched[3].Geo?.AsNumber);
    }

    [Fact]
    public async Task The_summary_counts_failures_and_hosts_by_country_and_network()
    {
        const string log = """
            May 31 07:07:22 nimbus sshd[1]: Failed password for root from 89.160.20.156 port 29160 ssh2
            May 31 07:07:23 nimbus sshd[1]: Failed password for root from 89.160.20.156 port 29160 ssh2
            May 31 07:07:24 nimbus sshd[2]: Invalid user admin from 89.160.20.200 port 40000
            May 31 07:07:25 nimbus sshd[3]: Invalid user oracle from 203.0.113.9 port 40001
            May 31 07:07:26 nimbus sshd[4]: Invalid user test from 192.168.1.10 port 40002
            May 31 07:07:27 nimbus sshd[5]: Invalid user test from 192.0.2.1 port 40003

            """;
        using var geo = CityAndAsn();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        var builder = new GeoSummaryBuilder(geo);
        await foreach (var e in AuthLogReader.ReadAsync(stream, Fixture.Utc(), TestContext.Current.CancellationToken)) builder.Add(e);
        var summary = builder.Build();
        Assert.Equal([new GeoCount("SE", "Sweden", 3, 2), new GeoCount("CN", "China", 1, 1), new GeoCount("-", null, 1, 1)], summary.ByCountry);
        Assert.Equal([new GeoCount("AS29518", "Bredband2 AB", 3, 2), new GeoCount("AS64501", "Example Telecom", 1, 1), new GeoCount("-", null, 1, 1)], summary.ByNetwork);
        Assert.Equal((4, 1), (summary.LookedUpHosts, summary.NotLookedUpHosts));
    }
}
