using LogParsing.Grammar;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests.Grammar;

/// <summary>The envelopes real auth logs come in (message-catalog B.0).</summary>
public class HeaderVariantTests
{
    private static AuthLogEntry Parse(string line) =>
        AuthLogParser.Default.Parse(line.AsSpan(), new TimestampResolver(null, new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc), default, truncated: false);

    [Fact]
    public void Rfc5424_with_priority_and_nil_fields()
    {
        var e = Parse("<38>1 2019-07-08T17:40:16.954167-04:00 hostname.example.com sshd 57915 - - Failed unknown for invalid user redmond from 192.0.2.1 port 59197 ssh2");
        Assert.Equal(("hostname.example.com", "sshd", 57915), (e.Host, e.Program, e.ProcessId!.Value));
        Assert.Equal(TimeSpan.FromHours(-4), e.Timestamp.Offset);
        Assert.Equal("redmond", Assert.IsType<SshdFailedAuthentication>(e.Event).User);
    }

    [Fact]
    public void Rfc5424_with_structured_data_holding_brackets()
    {
        var e = Parse("<38>1 2019-07-08T17:40:17.954167-04:00 hostname.example.com sshd 55555 - [timeQuality tzKnown=\"1\" isSynced=\"0\"][xxx@123 test=\"[brackets]\"] Failed unknown for invalid user redmond from 192.0.2.1 port 59197 ssh2");
        Assert.Equal(55555, e.ProcessId);
        Assert.IsType<SshdFailedAuthentication>(e.Event);
    }

    [Fact]
    public void Rfc5424_cron_line_with_an_extra_space()
    {
        var e = Parse("<78>1 2017-04-27T08:09:01+02:00 nextcloud CRON 1472 - -  (root) CMD (  [ -x /usr/lib/php5/sessionclean ] && /usr/lib/php5/sessionclean)");
        Assert.Equal("  [ -x /usr/lib/php5/sessionclean ] && /usr/lib/php5/sessionclean", Assert.IsType<CronCommand>(e.Event).Command);
    }

    [Fact]
    public void Rfc5424_like_without_priority()
    {
        var e = Parse("2022-02-24T21:00:42.021457+00:00 evse dropbear 6052 - - Bad password attempt for 'root' from 1.2.3.4:50532");
        Assert.Equal(("evse", "dropbear", 6052), (e.Host, e.Program, e.ProcessId!.Value));
        Assert.Equal("Bad password attempt for 'root' from 1.2.3.4:50532", e.Message);
    }

    [Theory]
    [InlineData("Mar  3 00:17:22 [sshd]: User root from 211.188.220.49 not allowed because not listed in AllowUsers")]
    [InlineData("Jun 25 23:53:34 [sshd] User root from 1.2.3.4 not allowed because not listed in AllowUsers")]
    public void Metalog_bracketed_tag_without_host_or_pid(string line)
    {
        var e = Parse(line);
        Assert.Equal(("sshd", null, (int?)null), (e.Program, e.Host, e.ProcessId));
        Assert.IsType<SshdUserNotAllowed>(e.Event);
    }

    [Theory]
    [InlineData("Apr  2 17:51:27 <4.3> pancake sshd[55624]: Invalid user admin from 192.0.2.1 port 1")]
    [InlineData("Mar 19 23:48:18 <auth.info> pancake sshd[55517]: Invalid user admin from 192.0.2.1 port 1")]
    [InlineData("Jun 20 02:18:39 pancake auth.info sshd[13482]: Invalid user admin from 192.0.2.1 port 1")]
    public void Bsd_priority_and_busybox_facility_are_skipped(string line)
    {
        var e = Parse(line);
        Assert.Equal(("pancake", "sshd"), (e.Host, e.Program));
        Assert.IsType<SshdInvalidUser>(e.Event);
    }

    [Fact]
    public void Pid_without_colon()
    {
        var e = Parse("2020-05-29T11:28:56.058908+02:00 bastion sshd[20974] error: PAM: Authentication failure for root from 192.0.2.1");
        Assert.Equal(("bastion", "sshd", 20974), (e.Host, e.Program, e.ProcessId!.Value));
        Assert.IsType<SshdPamError>(e.Event);
    }

    [Theory]
    [InlineData("Jul 03 14:59:17 host sshd-session[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2", 2024, 7, 3, 0)]
    [InlineData("2024-07-03T14:59:17+0200 host sshd-session[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2", 2024, 7, 3, 2)]
    [InlineData("2024-07-03T14:59:17.123456+02:00 host sshd-session[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2", 2024, 7, 3, 2)]
    [InlineData("Jul 03 14:59:17.123456 host sshd-session[1571]: Failed password for root from 192.0.2.1 port 56502 ssh2", 2024, 7, 3, 0)]
    public void Journalctl_short_outputs(string line, int year, int month, int day, int offsetHours)
    {
        var e = Parse(line);
        Assert.Equal((year, month, day, TimeSpan.FromHours(offsetHours)), (e.Timestamp.Year, e.Timestamp.Month, e.Timestamp.Day, e.Timestamp.Offset));
        Assert.IsType<SshdFailedAuthentication>(e.Event);
    }

    [Fact]
    public void Journalctl_short_unix_is_exact_utc()
    {
        var e = Parse("1784713652.755556 host sshd[1]: Received signal 15; terminating.");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1784713652).AddTicks(7555560), e.Timestamp);
        Assert.False(e.YearWasInferred);
    }

    [Fact]
    public void Stamp_with_year_after_the_day()
    {
        var e = Parse("Mar 19 2024 23:48:18 pancake sshd[1]: Received signal 15; terminating.");
        Assert.Equal(new DateTimeOffset(2024, 3, 19, 23, 48, 18, TimeSpan.Zero), e.Timestamp);
        Assert.False(e.YearWasInferred);
    }

    [Fact]
    public void Iso_with_space_and_compact_offset()
    {
        var e = Parse("2018-12-20 10:09:05.180218+0000 localhost sshd[67566]: Received signal 15; terminating.");
        Assert.Equal(new DateTimeOffset(2018, 12, 20, 10, 9, 5, TimeSpan.Zero).AddTicks(1802180), e.Timestamp);
    }

    [Fact]
    public void Syslog_mark_lines_are_marks_with_an_empty_program()
    {
        var e = Parse("May 31 08:20:01 web01 -- MARK --");
        Assert.IsType<LogParsing.Auth.Rsyslog.SyslogMark>(e.Event);
        Assert.Equal(("web01", "", "-- MARK --"), (e.Host, e.Program, e.Message));
    }
}
