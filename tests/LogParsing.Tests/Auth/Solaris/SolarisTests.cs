using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Auth.Solaris;

/// <summary>Solaris syslogd's message ids: kept in the message, skipped before any grammar, whichever family reads what follows.</summary>
public class SolarisTests
{
    [Fact]
    public void A_message_id_before_an_sshd_message_is_skipped()
    {
        var entry = AuthLogParser.Default.Parse("Mar 29 05:59:23 dusky sshd[20878]: [ID 800047 auth.info] Invalid user admin from 205.186.180.55");
        Assert.Equal("admin", Assert.IsType<SshdInvalidUser>(entry.Event).User);
        Assert.StartsWith("[ID 800047 auth.info] ", entry.Message);
    }

    [Fact]
    public void A_message_id_before_a_pam_line_leaves_it_to_the_pam_family()
    {
        // The wrapper is skipped first, then the message's own first characters pick the family that claims them.
        var entry = AuthLogParser.Default.Parse("Mar 29 05:59:24 dusky sshd[20878]: [ID 619528 auth.notice] pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=205.186.180.55  user=admin");
        var failure = Assert.IsType<PamAuthenticationFailure>(entry.Event);
        Assert.Equal(("sshd", "admin", "205.186.180.55"), (failure.Service, failure.User, failure.Rhost));
    }
}
