using Snapshooter.Xunit3;

namespace LogParsing.Tests.Auth;

/// <summary>A mixed day on one host (Fixtures/families.log): sudo, su, logind, shadow-utils, polkit and rsyslog lines among sshd and PAM ones.</summary>
public class FamiliesFixtureTests
{
    private static Task<List<AuthLogEntry>> ReadFamilies() =>
        Fixture.ToListAsync(AuthLogReader.ReadAsync(Fixture.Path("families.log"), Fixture.Utc(), TestContext.Current.CancellationToken));

    [Fact]
    public async Task Families_lines_parse_to_the_snapshot()
    {
        var entries = await ReadFamilies();
        Snapshot.Match(Render.Entries(entries));
    }

    [Fact]
    public async Task Only_the_odd_lines_are_unrecognized_or_malformed()
    {
        var entries = await ReadFamilies();
        Assert.Equal(46, entries.Count);
        var odd = entries.Where(e => e.Event is UnrecognizedEvent or MalformedLine).Select(e => e.Position.Line);
        // 45: a sudo line cut before COMMAND=; 46: "last message repeated 2 times" stands for line 45 again, so it is
        // what 45 is. (39, "New seat seat0.", is a LogindNewSeat.)
        Assert.Equal([45L, 46L], odd);
        // 30: "-- MARK --" has no tag, and is syslogd's mark.
        Assert.IsType<LogParsing.Auth.Rsyslog.SyslogMark>(entries.Single(e => e.Position.Line == 30).Event);
    }
}
