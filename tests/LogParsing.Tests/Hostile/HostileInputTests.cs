using LogParsing.Analysis;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Hostile;

/// <summary>
/// Every message with a field the client chooses (a user name, auth-info, a reason, an offer, an ident, PAM's user=),
/// each field filled with text shaped like the message's own address: no reading may report the address the client
/// typed (6.6.6.6). The real one (203.0.113.5) is reported, or none with <see cref="AuthEvent.RemoteAmbiguous"/> set.
/// Templates are the format strings of openssh-portable (auth.c, auth2.c, packet.c, sshd.c), linux-pam support.c and
/// Dropbear svr-auth*.c with the client's field as {0}.
/// </summary>
public class HostileInputTests
{
    private const string Real = "203.0.113.5";
    private const string Typed = "6.6.6.6";

    public static readonly string[] Payloads =
    [
        "x from 6.6.6.6 port 22",
        "x from 6.6.6.6 port 22 ssh2",
        "x from 6.6.6.6 port 22 ssh2: RSA SHA256:abc",
        "x 6.6.6.6 port 22",
        "x 6.6.6.6 port 22: Bye",
        "x 6.6.6.6 port 22 [preauth]",
        "x' from 6.6.6.6:22",
        "x from 6.6.6.6:22",
        "x rhost=6.6.6.6 user=y",
        "x from 6.6.6.6",
        "x (6.6.6.6)",
        "x from 6.6.6.6 port 22:11: y",
    ];

    // Client-chosen field as {0}: the user name unless said.
    public static readonly string[] Templates =
    [
        "sshd[100]: Invalid user {0} from 203.0.113.5 port 4000",
        "sshd[100]: Failed password for invalid user {0} from 203.0.113.5 port 4000 ssh2",
        "sshd[100]: Failed password for {0} from 203.0.113.5 port 4000 ssh2",
        "sshd[100]: Failed none for invalid user {0} from 203.0.113.5 port 4000 ssh2 [preauth]",
        "sshd[100]: Accepted publickey for alice from 203.0.113.5 port 4000 ssh2: ED25519-CERT SHA256:abc ID {0} (serial 1) CA ED25519 SHA256:def",
        "sshd[100]: Postponed keyboard-interactive for invalid user {0} from 203.0.113.5 port 4000 ssh2 [preauth]",
        "sshd[100]: Disconnected from invalid user {0} 203.0.113.5 port 4000 [preauth]",
        "sshd[100]: Connection closed by authenticating user {0} 203.0.113.5 port 4000 [preauth]",
        "sshd[100]: Connection reset by invalid user {0} 203.0.113.5 port 4000 [preauth]",
        "sshd[100]: Disconnecting invalid user {0} 203.0.113.5 port 4000: Too many authentication failures [preauth]",
        "sshd[100]: Disconnecting authenticating user alice 203.0.113.5 port 4000: Change of username or service not allowed: ({0},ssh-connection) -> (y,ssh-connection) [preauth]",
        "sshd[100]: Received disconnect from 203.0.113.5 port 4000:11: {0} [preauth]",
        "sshd[100]: Unable to negotiate with 203.0.113.5 port 4000: no matching key exchange method found. Their offer: {0} [preauth]",
        "sshd[100]: Bad protocol version identification '{0}' from 203.0.113.5 port 4000",
        "sshd[100]: error: maximum authentication attempts exceeded for invalid user {0} from 203.0.113.5 port 4000 ssh2 [preauth]",
        "sshd[100]: error: PAM: Authentication failure for illegal user {0} from 203.0.113.5",
        "sshd[100]: User {0} from 203.0.113.5 not allowed because not listed in AllowUsers",
        "sshd[100]: Timeout, client not responding from user {0} 203.0.113.5 port 4000",
        "sshd[100]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.5  user={0}",
        "dropbear[100]: Bad password attempt for '{0}' from 203.0.113.5:4000",
        "dropbear[100]: Exit before auth from <203.0.113.5:4000>: (user '{0}', 3 fails): Max auth tries reached - user '{0}'",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in Templates)
            foreach (var payload in Payloads)
                data.Add(template, payload);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_client_chosen_field_never_decides_the_address(string template, string payload)
    {
        var line = "Mar 14 03:12:09 host " + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, payload);
        var e = AuthLogParser.Default.Parse(line).Event;
        Assert.NotEqual(Typed, e.Remote?.Host);
        Assert.IsNotType<UnrecognizedEvent>(e);
        if (e.Remote is null) Assert.True(e.RemoteAmbiguous, $"no address and not flagged ambiguous: {line}");
        else Assert.Equal(Real, e.Remote.Host);
    }

    [Fact]
    public void A_name_ending_like_the_fixed_middle_makes_the_line_ambiguous()
    {
        // "Failed %s for %s%.100s from %.200s port %d ssh2%s%s": a user "x from 6.6.6.6 port 22 ssh2: y" and the real middle.
        var e = Assert.IsType<SshdFailedAuthentication>(AuthLogParser.Default.Parse(
            "Mar 14 03:12:09 host sshd[100]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.5 port 4000 ssh2").Event);
        Assert.Null(e.Remote);
        Assert.True(e.RemoteAmbiguous);
    }

    [Fact]
    public async Task Session_correlation_resolves_an_ambiguous_line_from_later_lines_of_its_connection()
    {
        var lines = new[]
        {
            "Mar 14 03:12:09 host sshd[100]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.5 port 4000 ssh2",
            "Mar 14 03:12:09 host sshd[101]: Invalid user admin from 198.51.100.1 port 5000",
            "Mar 14 03:12:10 host sshd[100]: Connection closed by authenticating user x 203.0.113.5 port 4000 [preauth]",
        };
        var entries = await Read(lines).WithSessionRemotes(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Position.Line));
        Assert.Equal((Real, false), (entries[0].Event.Remote?.Host, entries[0].Event.RemoteAmbiguous));
    }

    [Fact]
    public async Task Session_correlation_resolves_an_ambiguous_line_from_earlier_lines()
    {
        var lines = new[]
        {
            "Mar 14 03:12:08 host sshd[100]: Connection from 203.0.113.5 port 4000 on 192.0.2.1 port 22 rdomain \"\"",
            "Mar 14 03:12:09 host sshd[100]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.5 port 4000 ssh2",
        };
        var entries = await Read(lines).WithSessionRemotes(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal((Real, false), (entries[1].Event.Remote?.Host, entries[1].Event.RemoteAmbiguous));
    }

    [Fact]
    public async Task An_unresolved_ambiguous_line_is_yielded_unresolved_after_the_lookahead()
    {
        var lines = new List<string> { "Mar 14 03:12:09 host sshd[100]: Failed password for x from 6.6.6.6 port 22 ssh2: y from 203.0.113.5 port 4000 ssh2" };
        for (var i = 0; i < AuthLogEntryStreams.AmbiguityLookahead + 10; i++)
            lines.Add($"Mar 14 03:12:10 host sshd[{200 + i}]: Invalid user a from 198.51.100.1 port {1000 + i}");
        var entries = await Read([.. lines]).WithSessionRemotes(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(lines.Count, entries.Count);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), entries.Select(e => e.Position.Line));
        Assert.True(entries[0].Event.RemoteAmbiguous);
        Assert.Null(entries[0].Event.Remote);
    }

    private static IAsyncEnumerable<AuthLogEntry> Read(string[] lines) =>
        AuthLogReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), new AuthLogReaderOptions { Year = 2024 });
}
