using LogParsing.Auth.Cron;

namespace LogParsing.Tests.Auth.Cron;

/// <summary>cron's own lines: <c>(user) ACTION (detail)</c>.</summary>
public class CronTests
{
    private static AuthEvent Event(string program, string message) =>
        AuthLogParser.Default.Parse($"Nov 27 05:17:01 host {program}: {message}").Event;

    [Fact]
    public void Cron_command_keeps_parentheses_in_the_command()
    {
        var e = Assert.IsType<CronCommand>(Event("CRON[535375]", "(root) CMD (  [ -x /usr/lib/php5/sessionclean ] && (/usr/lib/php5/sessionclean))"));
        Assert.Equal("root", e.User);
        Assert.Equal("  [ -x /usr/lib/php5/sessionclean ] && (/usr/lib/php5/sessionclean)", e.Command);
    }

    [Fact]
    public void Cron_other_actions()
    {
        var e = Assert.IsType<CronAction>(Event("crond[1]", "(CRON) STARTUP (1.5.7)"));
        Assert.Equal(("CRON", "STARTUP", "1.5.7"), (e.User, e.Action, e.Detail));
        Assert.IsType<CronCommand>(Event("CROND[9]", "(alice) CMD (run-parts /etc/cron.hourly)"));
    }
}
