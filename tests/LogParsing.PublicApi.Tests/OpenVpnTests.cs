using System.Net;
using LogParsing.Analysis;
using LogParsing.Auth.Sshd;
using LogParsing.Testing;
using Snapshooter.Xunit3;
using Tutorial;

namespace LogParsing.PublicApi.Tests;

/// <summary>A program of your own inside auth.log: OpenVPN's lines through WithProgram, the reader, and the analyses.</summary>
public class OpenVpnTests
{
    private static readonly AuthLogReaderOptions Options = new()
    {
        Parser = OpenVpnLogs.Parser,
        Year = 2024,
        TimeZone = TimeZoneInfo.Utc,
    };

    private static Task<List<AuthLogEntry>> Read(AuthLogReaderOptions? options = null) =>
        Files.ToListAsync(AuthLogReader.ReadAsync(Files.Fixture("openvpn-auth.log"), options ?? Options, TestContext.Current.CancellationToken));

    [Fact]
    public async Task OpenVpn_lines_in_auth_log_parse_to_the_snapshot()
    {
        var entries = AuthLogReader.ReadAsync(Files.Fixture("openvpn-auth.log"), Options, TestContext.Current.CancellationToken);
        Snapshot.Match(await LogSnapshot.RenderAsync(entries, OpenVpnLogs.Parser, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failed_openvpn_login_is_a_failure_with_the_peer_address()
    {
        var failed = Assert.IsType<OpenVpnAuthFailed>((await Read())[3].Event);
        Assert.Equal(AuthOutcome.Failure, failed.Outcome);
        Assert.Equal(new RemoteEndpoint("203.0.113.5", IPAddress.Parse("203.0.113.5"), 51234), failed.Remote);
        Assert.Equal("Auth Username/Password verification failed for peer", failed.Reason);
        Assert.Null(failed.User);
    }

    [Fact]
    public async Task A_connected_peer_is_a_success_with_its_user()
    {
        var connected = Assert.IsType<OpenVpnPeerConnected>((await Read())[12].Event);
        Assert.Equal(AuthOutcome.Success, connected.Outcome);
        Assert.Equal("alice", connected.User);
        Assert.Equal("AF_INET", connected.AddressFamily);
        Assert.Equal(40112, connected.Remote!.Port);
    }

    [Fact]
    public async Task The_common_name_before_the_peer_address_becomes_the_user()
    {
        var ended = Assert.IsType<OpenVpnClientInstanceEnded>((await Read())[21].Event);
        Assert.Equal(("alice", "SIGTERM", "remote-exit", false), (ended.User, ended.Signal, ended.Reason, ended.Restarting));
        Assert.Equal("198.51.100.23", ended.Remote!.Host);
    }

    [Fact]
    public async Task OpenVpn_messages_the_grammar_does_not_know_are_unrecognized_with_their_text()
    {
        var entries = await Read();
        Assert.IsType<UnrecognizedEvent>(entries[0].Event);
        Assert.Equal("Initialization Sequence Completed", entries[0].Message);
        var pool = entries[13];
        Assert.IsType<UnrecognizedEvent>(pool.Event);
        Assert.Equal("alice/198.51.100.23:40112 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)", pool.Message);
    }

    [Fact]
    public async Task Both_registered_tags_use_the_grammar_and_sshd_lines_keep_theirs()
    {
        var entries = await Read();
        Assert.IsType<OpenVpnUserAuthenticated>(entries[19].Event);
        Assert.Equal("ovpn-server", entries[19].Program);
        Assert.Equal("carol", entries[19].Event.User);
        Assert.IsType<SshdInvalidUser>(entries[6].Event);
        Assert.IsType<SshdAcceptedAuthentication>(entries[16].Event);
    }

    [Fact]
    public async Task Without_the_grammar_openvpn_lines_are_unrecognized()
    {
        var entries = await Read(Options with { Parser = AuthLogParser.Default });
        Assert.All(entries.Where(e => e.Program is "openvpn" or "ovpn-server"), e => Assert.IsType<UnrecognizedEvent>(e.Event));
    }

    [Fact]
    public async Task The_summary_counts_openvpn_failures_and_logins_with_sshd_ones()
    {
        var summary = await OpenVpnLogs.SummarizeAsync(Files.Fixture("openvpn-auth.log"), Options, TestContext.Current.CancellationToken);
        // 3 wrong passwords and 1 sshd invalid user (and its closed connection) from 203.0.113.5, 1 failed handshake from
        // 192.0.2.44, and sshd's kex_exchange_identification error, which names no host.
        Assert.Equal(7, summary.Failures);
        Assert.Equal(["203.0.113.5", "192.0.2.44"], summary.Hosts.Select(h => h.Host));
        Assert.Equal(5, summary.Hosts[0].Failures);
        // alice and carol through OpenVPN, deploy through sshd: each counted once.
        Assert.Equal(3, summary.Successes);
        Assert.Equal(["alice", "deploy", "carol"], summary.Accepted.Select(a => a.User));
        // Two TLS Error lines for the one failed handshake, counted once as a failure.
        Assert.Equal(2, summary.EventCounts.Single(c => c.Key == nameof(OpenVpnTlsError)).Value);
    }

    [Fact]
    public async Task Ban_simulation_bans_the_host_that_failed_over_vpn_and_ssh()
    {
        var entries = AuthLogReader.ReadAsync(Files.Fixture("openvpn-auth.log"), Options, TestContext.Current.CancellationToken);
        var bans = await BanSimulator.SimulateAsync(entries, new BanPolicy { MaxRetry = 3 }, TestContext.Current.CancellationToken);
        var ban = Assert.Single(bans);
        Assert.Equal("203.0.113.5", ban.Host);
        Assert.Equal(IPAddress.Parse("203.0.113.5"), ban.Address);
        // The third failure within findtime: the wrong VPN password at 07:07:22, then sshd's invalid user and its closed connection.
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 7, 7, 31, TimeSpan.Zero), ban.Start);
    }

    [Fact]
    public async Task Session_correlation_leaves_openvpn_events_as_they_are_and_still_fills_sshd_lines()
    {
        var entries = await Files.ToListAsync(
            AuthLogReader.ReadAsync(Files.Fixture("openvpn-auth.log"), Options, TestContext.Current.CancellationToken)
                .WithSessionRemotes(cancellationToken: TestContext.Current.CancellationToken));
        var plain = await Read();
        for (var i = 0; i < plain.Count; i++)
        {
            if (plain[i].Program is "openvpn" or "ovpn-server") Assert.Equal(plain[i], entries[i]);
        }
        // "pam_unix(sshd:session): session opened ..." names no address: its connection (sshd[53011]) gave it.
        Assert.Null(plain[17].Event.Remote);
        Assert.Equal("198.51.100.23", entries[17].Event.Remote?.Host);
    }
}
