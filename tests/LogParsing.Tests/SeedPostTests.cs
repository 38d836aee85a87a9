using System.Collections.Immutable;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;
using Snapshooter.Xunit3;

namespace LogParsing.Tests;

/// <summary>The 57 auth.log lines of the post this project started from.</summary>
public class SeedPostTests
{
    private static Task<List<AuthLogEntry>> ReadSeed() =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(Fixture.Path("seed-auth.log"), Fixture.Utc(year: null), TestContext.Current.CancellationToken));

    [Fact]
    public async Task Seed_lines_parse_to_the_snapshot()
    {
        var entries = await ReadSeed();
        Snapshot.Match(Render.Entries(entries));
    }

    [Fact]
    public async Task Every_seed_line_is_recognised()
    {
        var entries = await ReadSeed();
        Assert.Equal(57, entries.Count);
        Assert.All(entries, e => Assert.IsNotType<UnrecognizedEvent>(e.Event));
        Assert.All(entries, e => Assert.IsNotType<MalformedLine>(e.Event));
        Assert.Equal(Enumerable.Range(1, 57).Select(i => (long)i), entries.Select(e => e.Position.Line));
    }

    [Fact]
    public async Task Seed_year_is_inferred_from_the_reference_time()
    {
        var entries = await ReadSeed();
        Assert.All(entries, e => Assert.True(e.YearWasInferred));
        Assert.All(entries, e => Assert.Equal(2021, e.Timestamp.Year));
        Assert.Equal(new DateTimeOffset(2021, 5, 31, 7, 7, 22, TimeSpan.Zero), entries[0].Timestamp);
    }

    [Fact]
    public async Task Invalid_user_line_yields_user_and_remote()
    {
        var e = (await ReadSeed())[0];
        Assert.Equal("nimbus", e.Host);
        Assert.Equal("sshd", e.Program);
        Assert.Equal(52959, e.ProcessId);
        Assert.Equal("Invalid user abc from 104.248.172.241 port 60580", e.Message);
        var invalid = Assert.IsType<SshdInvalidUser>(e.Event);
        Assert.Equal("abc", invalid.User);
        Assert.Equal("104.248.172.241", invalid.Remote!.Host);
        Assert.Equal(System.Net.IPAddress.Parse("104.248.172.241"), invalid.Remote.Address);
        Assert.Equal(60580, invalid.Remote.Port);
        Assert.False(invalid.Preauth);
        Assert.Equal(AuthOutcome.Failure, invalid.Outcome);
    }

    [Fact]
    public async Task Received_disconnect_yields_code_reason_and_preauth()
    {
        var e = Assert.IsType<SshdReceivedDisconnect>((await ReadSeed())[1].Event);
        Assert.Equal(11, e.Code);
        Assert.Equal("Bye Bye", e.Reason);
        Assert.True(e.Preauth);
        Assert.Equal(new RemoteEndpoint("104.248.172.241", System.Net.IPAddress.Parse("104.248.172.241"), 60580), e.Remote);
    }

    [Fact]
    public async Task Disconnected_from_authenticating_user_yields_the_user()
    {
        var e = Assert.IsType<SshdDisconnected>((await ReadSeed())[4].Event);
        Assert.Equal(SshdUserState.Authenticating, e.UserState);
        Assert.Equal("root", e.User);
        Assert.Equal("185.18.126.114", e.Remote!.Host);
        Assert.Equal(33872, e.Remote.Port);
        Assert.True(e.Preauth);
    }

    [Fact]
    public async Task Cron_pam_session_lines_yield_service_and_user()
    {
        var entries = await ReadSeed();
        var opened = Assert.IsType<PamSessionOpened>(entries[5].Event);
        Assert.Equal(("pam_unix", "cron", "session"), (opened.Module, opened.Service, opened.Type));
        Assert.Equal("root", opened.User);
        Assert.Null(opened.By);
        Assert.Equal(0, opened.ByUid);
        Assert.Equal("CRON", entries[5].Program);
        var closed = Assert.IsType<PamSessionClosed>(entries[6].Event);
        Assert.Equal("root", closed.User);
    }

    [Fact]
    public async Task Unable_to_negotiate_yields_the_offer_as_a_list()
    {
        var e = (await ReadSeed()).Select(x => x.Event).OfType<SshdNegotiationFailed>().First();
        Assert.Equal("key exchange method", e.Algorithm);
        Assert.Equal<IEnumerable<string>>(["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "diffie-hellman-group1-sha1"], e.Offer);
        Assert.Equal(3, e.Offer.Length);
        Assert.True(e.Preauth);
        Assert.Equal(new RemoteEndpoint("45.133.1.115", System.Net.IPAddress.Parse("45.133.1.115"), 34484), e.Remote);
    }

    [Fact]
    public async Task Seed_post_has_nineteen_distinct_remote_hosts()
    {
        var hosts = (await ReadSeed()).Select(e => e.Event.Remote?.Host).OfType<string>().Distinct().ToList();
        Assert.Equal(19, hosts.Count);
    }

    [Fact]
    public async Task Connection_closed_before_authentication_is_a_failure_with_or_without_a_user()
    {
        // As fail2ban's sshd filter counts it in aggressive mode (docs/research/fail2ban-sshd-filter.md, row 7).
        var entries = await ReadSeed();
        var closed = entries.Select(e => e.Event).OfType<SshdConnectionClosed>().ToList();
        Assert.Contains(closed, c => c.UserState == SshdUserState.Invalid && c.User == "pi" && c.Outcome == AuthOutcome.Failure);
        Assert.Contains(closed, c => c.UserState == SshdUserState.None && c.User is null && c.Outcome == AuthOutcome.Failure);
    }

    [Fact]
    public async Task Received_disconnect_bye_bye_is_not_a_failure()
    {
        var entries = await ReadSeed();
        Assert.All(entries.Select(e => e.Event).OfType<SshdReceivedDisconnect>(), d => Assert.Equal(AuthOutcome.None, d.Outcome));
    }

    [Fact]
    public async Task Kex_identification_errors_record_the_error_level()
    {
        var errors = (await ReadSeed()).Select(e => e.Event).OfType<SshdIdentificationError>().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(SshdLogLevel.Error, e.Level));
        Assert.Equal(["Connection closed by remote host", "read: Connection reset by peer"], errors.Select(e => e.Reason));
    }

    [Fact]
    public void Offer_is_an_immutable_array_of_the_client_algorithms()
    {
        // The contract: tools read Offer as ImmutableArray<string>, Preauth as bool, Code as int; the assignments are
        // checked by the compiler, the values by the parse.
        var negotiation = Assert.IsType<SshdNegotiationFailed>(AuthLogParser.Default.Parse(
            "May 31 07:46:29 nimbus sshd[53042]: Unable to negotiate with 45.133.1.115 port 34484: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1 [preauth]").Event);
        ImmutableArray<string> offer = negotiation.Offer;
        bool preauth = negotiation.Preauth;
        Assert.Equal(["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1"], offer);
        Assert.True(preauth);
        var disconnect = Assert.IsType<SshdReceivedDisconnect>(AuthLogParser.Default.Parse(
            "May 31 07:46:30 nimbus sshd[53044]: Received disconnect from 45.133.1.115 port 34490:11: Bye Bye [preauth]").Event);
        int code = disconnect.Code;
        Assert.Equal(11, code);
    }
}
