using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Sshd;

/// <summary>
/// The forms older or rarer OpenSSH releases write, each from the format string of the release named
/// (openssh-portable packet.c, kex.c, serverloop.c, auth.c, auth-pam.c, session.c; notes in research/openssh-pam-forms.md).
/// </summary>
public class SshdOlderFormsTests
{
    private static AuthLogEntry Entry(string message) => AuthLogParser.Default.Parse($"Mar 14 03:12:09 host sshd[2211]: {message}");

    private static T Event<T>(string message) where T : AuthEvent => Assert.IsType<T>(Entry(message).Event);

    [Fact]
    public void Negotiation_failure_without_a_port_reads_the_host()
    {
        // packet.c sshpkt_fatal, 6.8 to 7.1p2: fatal("Unable to negotiate with %.200s: %s. Their offer: %s")
        var e = Event<SshdNegotiationFailed>("fatal: Unable to negotiate with 203.0.113.9: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]");
        Assert.Equal(("key exchange method", "203.0.113.9", (int?)null), (e.Algorithm, e.Remote?.Host, e.Remote?.Port));
        Assert.Equal(["diffie-hellman-group1-sha1"], e.Offer);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Theory]
    // kex.c choose_enc/choose_mac/choose_comp, 6.7 and before: fatal("no matching %s found: client %s server %s")
    [InlineData("fatal: no matching cipher found: client aes128-cbc,3des-cbc server aes256-ctr,aes128-gcm@openssh.com [preauth]", "cipher")]
    [InlineData("fatal: no matching mac found: client hmac-md5,hmac-sha1 server hmac-sha2-256,hmac-sha2-512 [preauth]", "MAC")]
    [InlineData("fatal: no matching comp found: client zlib server none [preauth]", "compression method")]
    public void Pre_6_8_negotiation_failure_reads_both_lists(string message, string algorithm)
    {
        var e = Event<SshdNegotiationFailed>(message);
        Assert.Equal(algorithm, e.Algorithm);
        Assert.NotEmpty(e.Offer);
        Assert.NotEmpty(e.Supported);
        Assert.Null(e.Remote);
    }

    [Fact]
    public void Old_kex_and_hostkey_failures_are_negotiation_failures()
    {
        // kex.c choose_kex / choose_hostkeyalg before 6.8: fatal("no kex alg"), fatal("no hostkey alg")
        Assert.Equal("key exchange method", Event<SshdNegotiationFailed>("fatal: no kex alg [preauth]").Algorithm);
        Assert.Equal("host key type", Event<SshdNegotiationFailed>("fatal: no hostkey alg [preauth]").Algorithm);
    }

    [Fact]
    public void Corrupted_mac_and_bad_packet_length_are_corrupt_packets()
    {
        // packet.c ssh_packet_read_poll2, every SSH-2 release: logit("Corrupted MAC on input."), logit("Bad packet length %u.")
        var mac = Event<SshdCorruptPacket>("Corrupted MAC on input. [preauth]");
        Assert.Equal(("Corrupted MAC on input", (long?)null, SshdPhase.Preauth), (mac.Reason, mac.Length, mac.Phase));
        var length = Event<SshdCorruptPacket>("Bad packet length 1349676916.");
        Assert.Equal(("Bad packet length", (long?)1349676916), (length.Reason, length.Length));
    }

    [Theory]
    // serverloop.c process_input (VERBOSE): "... %.100s: %.100s" until 7.1, then "... %s port %d: %s"
    [InlineData("Read error from remote host 192.0.2.5 port 51234: Connection reset by peer", 51234)]
    [InlineData("Read error from remote host 192.0.2.5: Connection timed out", null)]
    public void Read_error_reads_host_port_and_reason(string message, int? port)
    {
        var e = Event<SshdReadError>(message);
        Assert.Equal(("192.0.2.5", port), (e.Remote?.Host, e.Remote?.Port));
        Assert.StartsWith("Connection ", e.Reason);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Pam_error_with_via_reads_the_client_host_not_the_local_one()
    {
        // auth-pam.c sshpam_query: error("PAM: %s for %s%.100s from %.100s"); macOS builds add " via %s" (their address).
        var e = Event<SshdPamError>("error: PAM: authentication error for alice from 192.0.2.7 via 192.168.1.201");
        Assert.Equal(("authentication error", "alice", "192.0.2.7", "192.168.1.201"), (e.Reason, e.User, e.Remote?.Host, e.Via));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Pam_error_ending_in_a_space_is_read()
    {
        var e = Event<SshdPamError>("error: PAM: Authentication failure for illegal user r00t from 192.0.2.8 ");
        Assert.Equal((true, "r00t", "192.0.2.8"), (e.InvalidUser, e.User, e.Remote?.Host));
    }

    [Theory]
    // auth.c auth_openfile / auth_secure_path (StrictModes): logit("Authentication refused: %s")
    [InlineData("Authentication refused: bad ownership or modes for directory /home/alice/.ssh", "bad ownership or modes for directory /home/alice/.ssh")]
    [InlineData("Authentication refused: bad ownership or modes for file /home/alice/.ssh/authorized_keys", "bad ownership or modes for file /home/alice/.ssh/authorized_keys")]
    [InlineData("Authentication refused: /home/alice/.ssh/authorized_keys is not a regular file", "/home/alice/.ssh/authorized_keys is not a regular file")]
    public void Strict_modes_refusal_keeps_the_reason(string message, string reason)
    {
        var e = Event<SshdAuthenticationRefused>(message);
        Assert.Equal(reason, e.Reason);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Theory]
    // session.c session_subsystem_req: "subsystem request for %.100s failed, subsystem not found", "by user %s" since about 7.7
    [InlineData("subsystem request for sftp by user alice failed, subsystem not found", "alice")]
    [InlineData("subsystem request for sftp failed, subsystem not found", null)]
    public void Subsystem_not_found_reads_subsystem_and_user(string message, string? user)
    {
        var e = Event<SshdSubsystemNotFound>(message);
        Assert.Equal(("sftp", user), (e.Subsystem, e.User));
    }

    [Theory]
    // Messages that end in blanks read as without them; the message stays as written.
    [InlineData("Invalid user admin from 192.0.2.1 port 5000 ")]
    [InlineData("Invalid user admin from 192.0.2.1 port 5000\t")]
    [InlineData("Invalid user admin from 192.0.2.1 port 5000 \t ")]
    public void Trailing_blanks_do_not_change_the_reading(string message)
    {
        var entry = Entry(message);
        var e = Assert.IsType<SshdInvalidUser>(entry.Event);
        Assert.Equal(("admin", "192.0.2.1", (int?)5000), (e.User, e.Remote?.Host, e.Remote?.Port));
        Assert.Equal(message, entry.Message);
    }
}
