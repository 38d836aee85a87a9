using System.Runtime.CompilerServices;
using LogParsing.Analysis;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Analysis;

public class CorrelationTests
{
    private static AuthLogEntry Line(string text) => AuthLogParser.Default.Parse(text);

    [Fact]
    public void An_address_less_line_gets_the_remote_of_its_connection()
    {
        var correlator = new SessionCorrelator();
        correlator.Enrich(Line("Mar  4 10:00:00 host sshd[2000]: Connection from 192.0.2.9 port 40000 on 10.0.0.1 port 22"));
        var reset = correlator.Enrich(Line("Mar  4 10:00:01 host sshd[2000]: fatal: Read from socket failed: Connection reset by peer [preauth]"));
        Assert.Equal("192.0.2.9", Assert.IsType<SshdSocketError>(reset.Event).Remote!.Host);
        // The reset ended the connection: a later line of the same pid (a reused pid) gets nothing.
        var later = correlator.Enrich(Line("Mar  4 11:00:00 host sshd[2000]: error: kex_exchange_identification: Connection closed by remote host"));
        Assert.Null(later.Event.Remote);
        Assert.Equal(0, correlator.Count);
    }

    [Theory]
    [InlineData("192.0.2.9 port 40000", "192.0.2.9")]
    [InlineData("::ffff:198.51.100.7 port 40000", "198.51.100.7")]
    [InlineData("2001:db8::5 port 40000", "2001:db8::5")]
    [InlineData("fe80::1%eth0 port 40000", "fe80::1%eth0")]
    [InlineData("gw.example.net port 40000", "gw.example.net")]
    [InlineData("010.0.0.8 port 40000", "010.0.0.8")]
    public void The_remote_given_to_a_later_line_equals_its_connection_s_even_after_thousands_of_other_hosts(string written, string host)
    {
        // The correlator holds an address as a value and makes the endpoint again: it must be the endpoint the connection's
        // line had, field for field, however it was written and however long ago the parser saw its host.
        var correlator = new SessionCorrelator();
        var opened = correlator.Enrich(Line($"Mar  4 10:00:00 host sshd[2000]: Accepted password for root from {written} ssh2"));
        Assert.Equal(host, opened.Event.Remote!.Host);
        for (var i = 0; i < 5000; i++)
            correlator.Enrich(Line($"Mar  4 10:00:01 host sshd[{3000 + i % 100}]: Invalid user u{i} from 203.0.{i / 250}.{i % 250} port 22"));
        var session = correlator.Enrich(Line("Mar  4 10:00:02 host sshd[2000]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)"));
        Assert.Equal(opened.Event.Remote, session.Event.Remote);
        Assert.Equal(opened.Event.Remote!.Address, session.Event.Remote!.Address);
    }

    [Fact]
    public void A_remote_made_by_hand_comes_back_as_it_was()
    {
        // Not the parser's: an address that its host does not spell is held as it is, not made again from the host.
        var correlator = new SessionCorrelator();
        var line = Line("Mar  4 10:00:00 host sshd[2000]: Accepted password for root from 192.0.2.9 port 40000 ssh2");
        var odd = new RemoteEndpoint("192.0.2.9", System.Net.IPAddress.Parse("198.51.100.1"), 40000);
        correlator.Enrich(line with { Event = line.Event with { Remote = odd } });
        var session = correlator.Enrich(Line("Mar  4 10:00:02 host sshd[2000]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)"));
        Assert.Equal(odd, session.Event.Remote);
    }

    [Fact]
    public void Other_pids_and_hosts_do_not_mix()
    {
        var correlator = new SessionCorrelator();
        correlator.Enrich(Line("Mar  4 10:00:00 host sshd[2000]: Connection from 192.0.2.9 port 40000 on 10.0.0.1 port 22"));
        Assert.Null(correlator.Enrich(Line("Mar  4 10:00:01 host sshd[2001]: error: kex_exchange_identification: Connection closed by remote host")).Event.Remote);
        Assert.Null(correlator.Enrich(Line("Mar  4 10:00:01 other sshd[2000]: error: kex_exchange_identification: Connection closed by remote host")).Event.Remote);
    }

    [Fact]
    public void The_9_8_listener_timeout_names_its_child()
    {
        var correlator = new SessionCorrelator();
        correlator.Enrich(Line("Oct 20 08:54:36 quasar sshd[59756]: Timeout before authentication for connection from 1.2.3.4 to 192.168.0.2, pid = 35557"));
        var child = correlator.Enrich(Line("Oct 20 08:54:36 quasar sshd-session[35557]: error: kex_exchange_identification: read: Connection reset by peer"));
        Assert.Equal("1.2.3.4", child.Event.Remote!.Host);
    }

    [Fact]
    public void The_table_is_capped()
    {
        var correlator = new SessionCorrelator(capacity: 3);
        for (var pid = 1; pid <= 10; pid++)
            correlator.Enrich(Line($"Mar  4 10:00:00 host sshd[{pid}]: Connection from 192.0.2.{pid} port 40000 on 10.0.0.1 port 22"));
        Assert.Equal(3, correlator.Count);
        Assert.Null(correlator.Enrich(Line("Mar  4 10:00:01 host sshd[1]: fatal: Read from socket failed: Connection reset by peer [preauth]")).Event.Remote);
        Assert.Equal("192.0.2.10", correlator.Enrich(Line("Mar  4 10:00:01 host sshd[10]: fatal: Read from socket failed: Connection reset by peer [preauth]")).Event.Remote!.Host);
    }

    [Fact]
    public void A_line_that_ends_its_connection_evicts_no_other()
    {
        // "Disconnected from invalid user %s %s port %d [preauth]" (sshd's auth.c) names its address and ends its connection:
        // in a full table it must not push out the oldest open connection to remember one that is over.
        var correlator = new SessionCorrelator(capacity: 3);
        for (var pid = 1; pid <= 3; pid++)
            correlator.Enrich(Line($"Mar  4 10:00:00 host sshd[{pid}]: Connection from 192.0.2.{pid} port 40000 on 10.0.0.1 port 22"));
        correlator.Enrich(Line("Mar  4 10:00:01 host sshd[4]: Disconnected from invalid user admin 198.51.100.4 port 40000 [preauth]"));
        Assert.Equal(3, correlator.Count);
        Assert.Equal("192.0.2.1", correlator.Enrich(Line("Mar  4 10:00:02 host sshd[1]: fatal: Read from socket failed: Connection reset by peer [preauth]")).Event.Remote!.Host);
        // And a connection it ends is forgotten, whether or not the line had to be given its address.
        correlator.Enrich(Line("Mar  4 10:00:03 host sshd[2]: Disconnected from invalid user admin 192.0.2.2 port 40000 [preauth]"));
        Assert.Null(correlator.Enrich(Line("Mar  4 10:00:04 host sshd[2]: error: kex_exchange_identification: Connection closed by remote host")).Event.Remote);
        Assert.Equal(1, correlator.Count);
    }

    [Fact]
    public void Connections_that_come_and_go_in_a_full_table_are_found_as_a_list_of_them_would()
    {
        // OpenSSH's "Connection from %s port %d on %s port %d" (sshd.c) gives a connection its address; "fatal: Read from
        // socket failed: Connection reset by peer [preauth]" (packet.c) lacks one and ends the connection, and "Disconnected
        // from invalid user" names one and ends it, evicting no other. Thousands of
        // them over three machines and forty pids, in a table of sixteen: every lookup, eviction and removal is checked
        // against a list of the open connections, oldest first.
        var correlator = new SessionCorrelator(capacity: 16);
        var open = new List<(string Host, int Pid, string Remote)>();
        var random = new Random(17);
        string[] machines = ["host", "web1", "web2"];
        for (var step = 0; step < 5000; step++)
        {
            var host = machines[random.Next(machines.Length)];
            var pid = 1 + random.Next(40);
            var known = open.FindIndex(c => c.Host == host && c.Pid == pid);
            var kind = random.Next(4);
            if (kind == 0)
            {
                // "Disconnected from invalid user %s %s port %d [preauth]": the address named, and the connection over.
                correlator.Enrich(Line($"Mar  4 10:00:01 {host} sshd[{pid}]: Disconnected from invalid user admin 198.51.100.{random.Next(1, 255)} port 40000 [preauth]"));
                if (known >= 0) open.RemoveAt(known);
            }
            else if (kind > 1)
            {
                var remote = $"192.0.2.{random.Next(1, 255)}";
                correlator.Enrich(Line($"Mar  4 10:00:00 {host} sshd[{pid}]: Connection from {remote} port 40000 on 10.0.0.1 port 22"));
                if (known >= 0) open.RemoveAt(known);
                else if (open.Count == 16) open.RemoveAt(0);
                open.Add((host, pid, remote));
            }
            else
            {
                var reset = correlator.Enrich(Line($"Mar  4 10:00:01 {host} sshd[{pid}]: fatal: Read from socket failed: Connection reset by peer [preauth]"));
                Assert.Equal(known >= 0 ? open[known].Remote : null, reset.Event.Remote?.Host);
                if (known >= 0) open.RemoveAt(known);
            }
            Assert.Equal(open.Count, correlator.Count);
        }
    }

    [Fact]
    public async Task The_stream_extension_enriches_in_order()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log",
            "Mar  4 10:00:00 host sshd[2000]: Connection from 192.0.2.9 port 40000 on 10.0.0.1 port 22\n" +
            "Mar  4 10:00:00 host sshd[2000]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)\n");
        var entries = await Fixture.ToListAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), TestContext.Current.CancellationToken).WithSessionRemotes(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("192.0.2.9", entries[1].Event.Remote!.Host);
    }

    // An ambiguous line (a client-chosen user name that holds " from <addr> port <n> ssh2", auth2.c's "Failed %s for %s from
    // %s port %d ssh2") resolved by a later line of its connection, one resolved by nothing before the end, and plain lines.
    private static readonly string[] Mixed =
    [
        "Mar 14 03:12:09 host sshd[100]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.5 port 4000 ssh2",
        "Mar 14 03:12:09 host sshd[101]: Invalid user admin from 198.51.100.1 port 5000",
        "Mar 14 03:12:10 host sshd[100]: Connection closed by authenticating user x 203.0.113.5 port 4000 [preauth]",
        "Mar 14 03:12:11 host sshd[102]: Connection from 192.0.2.9 port 40000 on 10.0.0.1 port 22",
        "Mar 14 03:12:12 host sshd[102]: fatal: Read from socket failed: Connection reset by peer [preauth]",
        "Mar 14 03:12:13 host sshd[103]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.7 port 4001 ssh2",
        "Mar 14 03:12:14 host sshd[104]: Invalid user pi from 198.51.100.2 port 5001",
    ];

    [Fact]
    public async Task The_stream_extension_gives_the_same_entries_from_a_source_that_makes_it_wait()
    {
        // A source whose every entry completes later (a follow, a pipe) takes the enumerator's waiting path; one that has
        // every entry ready takes the other. Both give each entry once, in order, with the same addresses.
        var ct = TestContext.Current.CancellationToken;
        var ready = await Fixture.ToListAsync(Entries(Mixed, wait: false, ct).WithSessionRemotes(cancellationToken: ct));
        var waited = await Fixture.ToListAsync(Entries(Mixed, wait: true, ct).WithSessionRemotes(cancellationToken: ct));
        Assert.Equal(Enumerable.Range(1, Mixed.Length).Select(i => (long)i), ready.Select(e => e.Position.Line));
        Assert.Equal(ready.Select(e => (e.Position.Line, e.Event.Remote?.Host, e.Event.RemoteAmbiguous)), waited.Select(e => (e.Position.Line, e.Event.Remote?.Host, e.Event.RemoteAmbiguous)));
        Assert.Equal(("203.0.113.5", false), (ready[0].Event.Remote?.Host, ready[0].Event.RemoteAmbiguous));
        Assert.Equal("192.0.2.9", ready[4].Event.Remote?.Host);
        // Nothing later names the second ambiguous line's address: it comes out unresolved, at the end, in its place.
        Assert.Equal(((string?)null, true), (ready[5].Event.Remote?.Host, ready[5].Event.RemoteAmbiguous));
    }

    [Fact]
    public async Task The_stream_extension_passes_either_token_to_the_source()
    {
        // The extension's token and the enumeration's (WithCancellation) both reach the source, as an async iterator's
        // [EnumeratorCancellation] would combine them.
        var ct = TestContext.Current.CancellationToken;
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        await using (var e = Entries(Mixed, wait: true, ct).WithSessionRemotes(cancellationToken: first.Token).GetAsyncEnumerator(second.Token))
        {
            Assert.True(await e.MoveNextAsync());
            await second.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => { while (await e.MoveNextAsync()) { } });
        }
        using var third = new CancellationTokenSource();
        await using (var e = Entries(Mixed, wait: true, ct).WithSessionRemotes(cancellationToken: third.Token).GetAsyncEnumerator(CancellationToken.None))
        {
            Assert.True(await e.MoveNextAsync());
            await third.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => { while (await e.MoveNextAsync()) { } });
        }
    }

    private static async IAsyncEnumerable<AuthLogEntry> Entries(string[] lines, bool wait, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (wait) await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Line(lines[i]) with { Position = new LogPosition("auth.log", i + 1) };
        }
    }
}
