using System.Net;
using CsCheck;
using LogParsing.Auth.Sshd;
using LogParsing.Grammar;

namespace LogParsing.Tests.Grammar;

/// <summary>Interning is checked alone: a test parsing in parallel could take a slot between the two reads compared here.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class SharedPools;

/// <summary>Repeated hosts, users and programs share one string (and one address); the pools stay bounded and never change text.</summary>
[Collection(typeof(SharedPools))]
public class InterningTests
{
    private static AuthLogEntry Parse(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void A_host_that_comes_back_shares_its_host_string_and_address()
    {
        var first = (SshdInvalidUser)Parse("May 31 07:07:22 nimbus sshd[52959]: Invalid user oracle from 104.248.172.241 port 60580").Event;
        var again = (SshdDisconnected)Parse("May 31 07:07:23 nimbus sshd[52959]: Disconnected from invalid user oracle 104.248.172.241 port 60580 [preauth]").Event;

        Assert.Same(first.Remote!.Host, again.Remote!.Host);
        Assert.Same(first.Remote.Address, again.Remote.Address);
        Assert.Same(first.User, again.User);
        Assert.Equal(IPAddress.Parse("104.248.172.241"), again.Remote.Address);
    }

    [Fact]
    public void A_connections_lines_share_one_endpoint_and_another_port_gets_its_own()
    {
        // OpenSSH 9.x forms: "Invalid user %s from %s port %d", then "Connection closed by invalid user %s %s port %d [preauth]".
        var first = Parse("May 31 07:07:22 nimbus sshd[52960]: Invalid user pi from 198.51.100.23 port 41000").Event.Remote!;
        var again = Parse("May 31 07:07:23 nimbus sshd[52960]: Connection closed by invalid user pi 198.51.100.23 port 41000 [preauth]").Event.Remote!;
        var next = Parse("May 31 07:07:24 nimbus sshd[52961]: Invalid user pi from 198.51.100.23 port 41002").Event.Remote!;
        var none = Parse("May 31 07:07:25 nimbus sshd[52962]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=198.51.100.23  user=pi").Event.Remote!;

        Assert.Same(first, again);
        Assert.Equal(new RemoteEndpoint("198.51.100.23", IPAddress.Parse("198.51.100.23"), 41000), again);
        Assert.Equal((41002, (int?)null), (next.Port, none.Port));
        Assert.Same(first.Host, next.Host);
        Assert.Same(first.Address, none.Address);
    }

    [Fact]
    public void Users_from_pam_key_values_are_shared_across_lines()
    {
        const string line = "May 31 07:07:22 nimbus sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=azure";
        var first = Parse(line).Event;
        var again = Parse(line.Replace("sshd[1]", "sshd[2]", StringComparison.Ordinal)).Event;

        Assert.Same(first.User, again.User);
        Assert.Equal("azure", again.User);
    }

    [Fact]
    public void Disconnect_reasons_are_shared_across_probes()
    {
        var first = (SshdReceivedDisconnect)Parse("May 31 07:07:22 nimbus sshd[1]: Received disconnect from 192.0.2.1 port 1:11: Bye Bye [preauth]").Event;
        var again = (SshdReceivedDisconnect)Parse("May 31 07:07:23 nimbus sshd[2]: Received disconnect from 192.0.2.2 port 2:11: Bye Bye [preauth]").Event;

        Assert.Equal("Bye Bye", again.Reason);
        Assert.Same(first.Reason, again.Reason);
    }

    [Fact]
    public void Ipv6_addresses_are_not_shared_because_their_scope_can_be_set()
    {
        const string line = "May 31 07:07:22 nimbus sshd[1]: Invalid user pi from 2001:db8::1 port 22";
        var first = Parse(line).Event.Remote!;
        var again = Parse(line).Event.Remote!;

        Assert.Equal(first.Address, again.Address);
        Assert.NotSame(first.Address, again.Address);
    }

    [Theory]
    [InlineData("010.1.1.1")]     // IPAddress reads a leading zero as octal; the fast path leaves it to IPAddress
    [InlineData("1.2.3.4")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1234")]
    [InlineData("host.example.com")]
    public void A_host_reads_the_same_address_as_before_interning(string host)
    {
        var remote = ((SshdInvalidUser)Parse($"May 31 07:07:22 nimbus sshd[1]: Invalid user a from {host} port 22").Event).Remote!;

        Assert.Equal(host, remote.Host);
        var expected = IPAddress.TryParse(host, out var parsed) && (host.Count(c => c == '.') == 3 && host.All(c => char.IsAsciiDigit(c) || c == '.')) ? parsed : null;
        Assert.Equal(expected, remote.Address);
    }

    [Fact]
    public void Every_dotted_quad_reads_as_its_address()
    {
        Gen.Byte.Array[4].Sample(octets =>
        {
            var host = string.Join('.', octets);
            var remote = ((SshdInvalidUser)Parse($"May 31 07:07:22 nimbus sshd[1]: Invalid user a from {host} port 22").Event).Remote!;
            Assert.Equal(new IPAddress(octets), remote.Address);
            Assert.Equal(host, remote.Host);
        });
    }

    [Fact]
    public void The_pool_returns_the_text_it_was_given_whatever_evicted_what()
    {
        // Far more distinct texts than slots, many colliding: every answer must still be the text asked for.
        Gen.String[Gen.Char.AlphaNumeric, 0, 80].Array[StringPool.Capacity / 4].Sample(texts =>
        {
            foreach (var text in texts)
                Assert.Equal(text, StringPool.Shared.Get(text));
        }, iter: 20);
    }

    [Fact]
    public void The_pool_shares_a_string_until_something_else_takes_its_slot()
    {
        var a = StringPool.Shared.Get("minecraft".AsSpan());
        var b = StringPool.Shared.Get("minecraft".AsSpan());

        Assert.Same(a, b);
        Assert.NotSame("minecraft", a); // a copy of the span's text, not the caller's string
    }

    [Fact]
    public void Two_texts_of_one_slot_pair_that_alternate_both_stay_shared()
    {
        // The benchmark corpus's users "deploy" and "postgres" share a pair: direct-mapped, each evicted the other at every
        // line and both were made again 16,000 times a million lines.
        Assert.Equal(TextCache<string>.Slot("deploy") & ~1, TextCache<string>.Slot("postgres") & ~1);
        var pool = new Pool();
        var deploy = pool.Get("deploy");
        var postgres = pool.Get("postgres");

        for (var i = 0; i < 3; i++)
        {
            Assert.Same(deploy, pool.Get("deploy"));
            Assert.Same(postgres, pool.Get("postgres"));
        }
        Assert.Equal(2, pool.Made);
    }

    [Fact]
    public void A_newcomer_evicts_the_text_of_its_pair_used_least_recently()
    {
        var pool = new Pool();
        var (first, second, third) = ThreeOfOnePair();
        var kept = pool.Get(first);
        pool.Get(second);
        Assert.Same(kept, pool.Get(first)); // first is now the one used last
        pool.Get(third);                    // so second goes

        Assert.Same(kept, pool.Get(first));
        Assert.Equal(3, pool.Made);
        pool.Get(second);
        Assert.Equal(4, pool.Made);
    }

    [Fact]
    public void Threads_sharing_a_pool_each_get_the_text_they_asked_for()
    {
        // Parallel reading shares the pools: a slot another thread replaces between a compare and a read must not hand
        // back its new text. Twelve texts of one pair, asked for by four threads at once.
        var pool = new Pool();
        var texts = TwelveOfOnePair();
        var wrong = 0;
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                var text = texts[(i * 7 + worker) % texts.Length];
                if (!string.Equals(pool.Get(text), text, StringComparison.Ordinal) || pool.Peek(text) is { } seen && seen != text)
                    Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }

    private static string[] TwelveOfOnePair()
    {
        var set = TextCache<string>.Slot("host0") & ~1;
        var found = new List<string>();
        for (var i = 0; found.Count < 12; i++)
            if ((TextCache<string>.Slot("host" + i) & ~1) == set) found.Add("host" + i);
        return [.. found];
    }

    private static (string, string, string) ThreeOfOnePair()
    {
        var set = TextCache<string>.Slot("user0") & ~1;
        var found = new List<string> { "user0" };
        for (var i = 1; found.Count < 3; i++)
            if ((TextCache<string>.Slot("user" + i) & ~1) == set) found.Add("user" + i);
        return (found[0], found[1], found[2]);
    }

    /// <summary>A pool of its own, counting what it makes, so that no other test's texts take its slots.</summary>
    private sealed class Pool : TextCache<string>
    {
        private int _made;

        public int Made => _made;

        public string Get(string text) => Get(text.AsSpan());

        protected override string KeyOf(string value) => value;

        protected override string Create(ReadOnlySpan<char> text)
        {
            Interlocked.Increment(ref _made);
            return new string(text);
        }
    }
}
