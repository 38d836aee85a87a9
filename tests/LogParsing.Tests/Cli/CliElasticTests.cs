using System.Diagnostics;
using System.Text.Json;
using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>
/// authlog's Elasticsearch output and GeoIP options: <c>--format es-bulk</c> checked against the _bulk API's documented
/// body (NDJSON: an action line, then for <c>create</c> the document line, every line ending in a newline, the last too;
/// data streams take only <c>create</c>), <c>--namespace</c>, <c>--geoip</c> and <c>--asn</c>.
/// </summary>
public class CliElasticTests
{
    private static readonly string Auth = Fixture.Sample("auth.log");
    private static string Db(string name) => Path.Combine(Fixture.Path("GeoIP"), name);

    // Lines of sshd's own forms (auth.c's "Failed %s for %s from %s port %d ssh2", sshd's "Invalid user %s from %s port %d").
    private const string Attacks = """
        May 31 07:07:22 nimbus sshd[1]: Failed password for root from 89.160.20.156 port 29160 ssh2
        May 31 07:07:23 nimbus sshd[2]: Invalid user admin from 89.160.20.200 port 40000
        May 31 07:07:25 nimbus sshd[3]: Invalid user oracle from 203.0.113.9 port 40001
        May 31 07:07:26 nimbus sshd[4]: Invalid user test from 192.168.1.10 port 40002

        """;

    /// <summary>The body's items, each checked: an action line with create, _index and _id, then a document.</summary>
    private static List<(JsonElement Action, JsonElement Document)> Items(string body, string index)
    {
        Assert.EndsWith("\n", body);
        Assert.DoesNotContain("\r", body);
        var lines = body[..^1].Split('\n');
        Assert.True(lines.Length % 2 == 0, "an action line without its document");
        var items = new List<(JsonElement, JsonElement)>();
        for (var i = 0; i < lines.Length; i += 2)
        {
            var action = JsonDocument.Parse(lines[i]).RootElement;
            var create = Assert.Single(action.EnumerateObject());
            Assert.Equal("create", create.Name);
            Assert.Equal(index, create.Value.GetProperty("_index").GetString());
            Assert.False(string.IsNullOrEmpty(create.Value.GetProperty("_id").GetString()));
            var document = JsonDocument.Parse(lines[i + 1]).RootElement;
            Assert.Equal(JsonValueKind.Object, document.ValueKind);
            Assert.True(DateTimeOffset.TryParse(document.GetProperty("@timestamp").GetString(), out _));
            items.Add((action, document));
        }
        return items;
    }

    private static string Id(JsonElement action) => action.GetProperty("create").GetProperty("_id").GetString()!;

    [Fact]
    public async Task Es_bulk_is_valid_bulk_ndjson_with_one_stable_id_per_line()
    {
        var (exit, first, error) = await CliTests.Run("events", Auth, "--year", "2021", "--tz", "UTC", "--format", "es-bulk");
        Assert.True(exit == 0, error);
        var (_, second, _) = await CliTests.Run("events", Auth, "--year", "2021", "--tz", "UTC", "--format", "es-bulk");
        var items = Items(first, "logs-system.auth-default");
        Assert.Equal(57, items.Count);
        Assert.Equal(items.Count, items.Select(i => Id(i.Action)).Distinct().Count());
        Assert.Equal(items.Select(i => Id(i.Action)), Items(second, "logs-system.auth-default").Select(i => Id(i.Action)));
        Assert.All(items, i => Assert.Equal("default", i.Document.GetProperty("data_stream").GetProperty("namespace").GetString()));
    }

    [Fact]
    public async Task The_namespace_names_the_index_and_the_documents_data_stream()
    {
        var (exit, output, _) = await CliTests.Run("events", Auth, "--year", "2021", "--format", "es-bulk", "--namespace", "nimbus", "--user", "pi");
        Assert.Equal(0, exit);
        var items = Items(output, "logs-system.auth-nimbus");
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal("nimbus", i.Document.GetProperty("data_stream").GetProperty("namespace").GetString()));
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("a-b")]
    public async Task A_namespace_Elasticsearch_refuses_is_an_argument_error(string ns)
    {
        var (exit, _, error) = await CliTests.Run("events", Auth, "--format", "es-bulk", "--namespace", ns);
        Assert.Equal(2, exit);
        Assert.Contains("namespace", error);
    }

    [Fact]
    public async Task Es_bulk_from_the_real_tool_ends_in_a_newline_and_dates_a_malformed_line()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "May 31 07:07:22 nimbus sshd[1]: Invalid user admin from 192.0.2.1 port 1\nnot a syslog line\n");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "authlog.dll"), "events", path, "--year", "2021", "--format", "es-bulk" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        var items = Items(output, "logs-system.auth-default");
        Assert.Equal(2, items.Count);
        Assert.Equal("pipeline_error", items[1].Document.GetProperty("event").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Follow_writes_bulk_items_as_lines_arrive()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        using var cli = new LiveCli("follow", path, "--year", "2021", "--format", "es-bulk", "--namespace", "live");
        await cli.Started();
        File.AppendAllText(path, "May 31 07:00:01 h sshd[2]: Invalid user first from 192.0.2.2 port 1\n");
        await LiveCli.Until(() => cli.Output.Contains("\"first\""));
        Assert.Equal(0, await cli.Stop());
        var item = Assert.Single(Items(cli.Output, "logs-system.auth-live"));
        Assert.Equal("first", item.Document.GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ecs_with_geoip_and_asn_fills_source_geo_and_as_but_not_for_private_addresses()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Attacks);
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ecs",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        var docs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source")).ToList();
        Assert.Equal("Linköping", docs[0].GetProperty("geo").GetProperty("city_name").GetString());
        Assert.Equal(29518, docs[0].GetProperty("as").GetProperty("number").GetInt64());
        Assert.Equal("CN", docs[2].GetProperty("geo").GetProperty("country_iso_code").GetString());
        Assert.False(docs[3].TryGetProperty("geo", out _));
        Assert.False(docs[3].TryGetProperty("as", out _));
    }

    [Fact]
    public async Task Summary_with_geoip_and_asn_says_where_they_come_from()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Attacks);
        var (exit, output, error) = await CliTests.Run("summary", path, "--year", "2021",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        Assert.Contains("Where they come from (3 failing hosts looked up; 1 private", output);
        Assert.Matches(@"SE\s+│ Sweden\s+│\s+2 │\s+2", output);
        Assert.Matches(@"AS29518 │ Bredband2 AB\s+│\s+2 │\s+2", output);
        Assert.Matches(@"CN\s+│ China\s+│\s+1 │\s+1", output);
    }

    [Fact]
    public async Task A_geoip_file_of_the_wrong_kind_is_an_argument_error_and_a_missing_one_an_io_error()
    {
        var (exit, _, error) = await CliTests.Run("summary", Auth, "--geoip", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.Equal(2, exit);
        Assert.Contains("GeoLite2-ASN", error);
        (exit, _, error) = await CliTests.Run("summary", Auth, "--asn", "/no/such/GeoLite2-ASN.mmdb");
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/GeoLite2-ASN.mmdb", error);
    }

    [Fact]
    public async Task Events_text_with_geoip_and_asn_shows_the_country_and_network_after_the_address()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Attacks);
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("from=89.160.20.156:29160 [SE AS29518] |", lines[0]);
        Assert.Matches(@"from=203\.0\.113\.9(:40001)? \[CN( AS\d+)?\] \|", lines[2]);
        // Private: never looked up.
        Assert.Matches(@"from=192\.168\.1\.10(:40002)? \|", lines[3]);
    }

    [Fact]
    public async Task Events_ndjson_with_geoip_and_asn_gives_the_remote_its_geo_and_network()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Attacks);
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ndjson",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        var remotes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("remote")).ToList();
        Assert.Equal("Linköping", remotes[0].GetProperty("geo").GetProperty("city_name").GetString());
        Assert.Equal("SE", remotes[0].GetProperty("geo").GetProperty("country_iso_code").GetString());
        Assert.Equal(29518, remotes[0].GetProperty("as").GetProperty("number").GetInt64());
        Assert.Equal("Bredband2 AB", remotes[0].GetProperty("as").GetProperty("organization").GetString());
        Assert.False(remotes[3].TryGetProperty("geo", out _));
        Assert.False(remotes[3].TryGetProperty("as", out _));
    }

    [Fact]
    public async Task Detect_ecs_with_geoip_and_asn_fills_the_alerts_source_geo_and_as()
    {
        using var dir = new TempDir();
        // Six of auth.c's "Failed password" lines in a minute from one address: fail2ban's sshd jail (5 in 10 minutes) fires.
        var path = dir.File("auth.log", string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"May 31 07:07:{20 + i} nimbus sshd[{10 + i}]: Failed password for root from 89.160.20.156 port {29160 + i} ssh2\n")));
        var (exit, output, error) = await CliTests.Run("detect", path, "--year", "2021", "--format", "ecs",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        var alerts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(alerts);
        var source = alerts[0].GetProperty("source");
        Assert.Equal("89.160.20.156", source.GetProperty("ip").GetString());
        Assert.Equal("SE", source.GetProperty("geo").GetProperty("country_iso_code").GetString());
        Assert.Equal(29518, source.GetProperty("as").GetProperty("number").GetInt64());

        (exit, output, error) = await CliTests.Run("detect", path, "--year", "2021", "--format", "ndjson", "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        Assert.Equal(29518, JsonDocument.Parse(output.Split('\n')[0]).RootElement.GetProperty("source_as").GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task Original_writes_the_raw_line_as_event_original_and_has_no_place_in_text()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Attacks);
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "es-bulk", "--original");
        Assert.True(exit == 0, error);
        var documents = Items(output, "logs-system.auth-default").Select(i => i.Document).ToList();
        Assert.Equal(Attacks.Split('\n')[0], documents[0].GetProperty("event").GetProperty("original").GetString());

        (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ecs");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("\"original\"", output);

        (exit, _, error) = await CliTests.Run("events", path, "--year", "2021", "--original");
        Assert.Equal(2, exit);
        Assert.Contains("--original needs --format ndjson, ecs or es-bulk", error);
    }

    [Fact]
    public async Task Join_continuations_makes_a_multiline_message_one_document()
    {
        using var dir = new TempDir();
        // elastic/integrations test-multiline.log (bd879f20), then a line of sshd's.
        var path = dir.File("auth.log", "May 21 21:54:44 localhost foo[1234]: This message\n spans multiple lines.\n" + Attacks);
        var (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ecs", "--join-continuations");
        Assert.True(exit == 0, error);
        var documents = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, documents.Count);
        Assert.Equal("This message\n spans multiple lines.", documents[0].GetProperty("message").GetString());

        (exit, output, error) = await CliTests.Run("events", path, "--year", "2021", "--format", "ecs");
        Assert.True(exit == 0, error);
        Assert.Equal(6, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Simulate_with_geoip_and_asn_shows_where_each_banned_host_is()
    {
        using var dir = new TempDir();
        // Six of auth.c's "Failed password" lines in a minute from one address.
        var path = dir.File("auth.log", string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"May 31 07:07:{20 + i} nimbus sshd[{10 + i}]: Failed password for root from 89.160.20.156 port {29160 + i} ssh2\n")));
        var (exit, output, error) = await CliTests.Run("simulate", path, "--year", "2021",
            "--geoip", Db("GeoLite2-City-Test.mmdb"), "--asn", Db("GeoLite2-ASN-Test.mmdb"));
        Assert.True(exit == 0, error);
        Assert.Contains("89.160.20.156 [SE AS29518]", output);
    }
}
