using LogParsing.Auth.Pam;
using LogParsing.Auth.Rsyslog;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Grammar;

/// <summary>
/// Envelopes other loggers write around the same messages: socklog under runit (facility.level instead of a priority,
/// svlogd's stamp before it), svlogd and s6-log stamps (TAI64N, ISO 8601 with nanoseconds), nested tags, and sysklogd's
/// own restart line.
/// </summary>
public class HeaderVariantTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void Socklog_line_with_the_programs_own_stamp_and_tag()
    {
        // socklog replaces the "<38>" priority of what glibc's syslog() sent with "auth.info: "; svlogd -tt adds its stamp.
        var entry = Entry("2015-05-27T04:31:27.46667 auth.info: May 27 04:31:27 sshd[1204]: Invalid user admin from 192.0.2.9 port 4022");
        Assert.Equal(("sshd", (int?)1204), (entry.Program, entry.ProcessId));
        Assert.Equal("192.0.2.9", Assert.IsType<SshdInvalidUser>(entry.Event).Remote?.Host);
        Assert.Equal(new DateTime(2015, 5, 27, 4, 31, 27).AddTicks(4666700), entry.Timestamp.DateTime);
    }

    [Fact]
    public void Socklog_line_with_a_tag_and_no_nested_stamp()
    {
        var entry = Entry("2015-05-27T04:31:27.46667 auth.info: sshd[1204]: Failed password for root from 192.0.2.9 port 4022 ssh2");
        Assert.Equal("sshd", entry.Program);
        Assert.IsType<SshdFailedAuthentication>(entry.Event);
    }

    [Fact]
    public void Svlogd_underscore_stamp_is_read()
    {
        // svlogd -tt: "2015-05-27_04:31:27.46667"
        var entry = Entry("2015-05-27_04:31:27.46667 auth.info: sshd[1204]: Invalid user admin from 192.0.2.9 port 4022");
        Assert.Equal((2015, 27, "sshd"), (entry.Timestamp.Year, entry.Timestamp.Day, entry.Program));
        Assert.IsType<SshdInvalidUser>(entry.Event);
    }

    [Fact]
    public void Tai64n_stamp_is_read_as_utc()
    {
        // svlogd -t and s6-log t: "@" and 24 hex digits, TAI64N (2^62 + seconds, then nanoseconds), read as daemontools'
        // tai64nlocal reads it: the label less 2^62 + 10 is Unix time.
        var entry = Entry("@4000000065a8f2c12a05f200 auth.info: sshd[1204]: Invalid user admin from 192.0.2.9 port 4022");
        Assert.IsType<SshdInvalidUser>(entry.Event);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0x65a8f2c1 - 10).AddTicks(0x2a05f200 / 100), entry.Timestamp);
        Assert.False(entry.YearWasInferred);
    }

    [Fact]
    public void S6_iso_stamp_with_nanoseconds_is_read()
    {
        // s6-log T: "2024-05-31 07:07:22.123456789"
        var entry = Entry("2024-05-31 07:07:22.123456789 auth.info: sshd[1204]: Invalid user admin from 192.0.2.9 port 4022");
        Assert.Equal(new DateTime(2024, 5, 31, 7, 7, 22).AddTicks(1234567), entry.Timestamp.DateTime);
        Assert.IsType<SshdInvalidUser>(entry.Event);
    }

    [Fact]
    public void Nested_pam_tag_is_skipped_and_the_module_line_read()
    {
        // GDM's PAM worker logs through a second tag: "pam: gdm-password[1600]: pam_unix(gdm-password:...): ..."
        var opened = Assert.IsType<PamSessionOpened>(Entry("May 31 08:01:12 desk gdm-session-worker[1600]: pam: gdm-password[1600]: pam_unix(gdm-password:session): session opened for user alice(uid=1000) by (uid=0)").Event);
        Assert.Equal(("gdm-password", "alice"), (opened.Service, opened.User));
        var entry = Entry("May 31 08:01:12 desk gdm[1600]: pam: gdm-password[1600]: pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost=  user=alice");
        Assert.Equal("alice", Assert.IsType<PamAuthenticationFailure>(entry.Event).User);
    }

    [Fact]
    public void Sysklogd_restart_is_a_known_harmless_event()
    {
        // sysklogd 1.4/1.5 syslogd.c: "syslogd %s: restart." and "... exiting on signal %d"
        var entry = Entry("May 31 06:25:02 host syslogd 1.4.1: restart.");
        var e = Assert.IsType<SyslogDaemonEvent>(entry.Event);
        Assert.Equal(("syslogd", "1.4.1", "restart"), (entry.Program, e.Version, e.Action));
        Assert.Equal(AuthOutcome.None, e.Outcome);
        Assert.Equal("exiting on signal 15", Assert.IsType<SyslogDaemonEvent>(Entry("May 31 06:25:02 host syslogd 1.5.0: exiting on signal 15").Event).Action);
    }
}
