using Snapshooter.Xunit3;
using System.Text;
using LogParsing.Analysis;

namespace LogParsing.Tests.Analysis;

/// <summary>The whole summary of the seed post's log, every host and user (the CLI shows only the top of each).</summary>
public class SummaryTests
{
    [Fact]
    public async Task The_seed_posts_summary_is_the_snapshot()
    {
        var entries = AuthLogReader.ReadAsync(Fixture.Path("seed-auth.log"), Fixture.Utc(year: 2021), TestContext.Current.CancellationToken);
        var s = await AuthLogSummary.SummarizeAsync(entries, TestContext.Current.CancellationToken);

        var text = new StringBuilder()
            .AppendLine($"span {s.First:O} .. {s.Last:O}; lines {s.Lines}, malformed {s.Malformed}, unrecognized {s.Unrecognized}")
            .AppendLine($"failures {s.Failures}, successes {s.Successes}, remote hosts {s.DistinctRemoteHosts}, attacking {s.DistinctAttackingHosts}");
        foreach (var (name, count) in s.EventCounts) text.AppendLine($"event {name} {count}");
        foreach (var (hour, count) in s.FailuresPerHour) text.AppendLine($"hour {hour:O} {count}");
        foreach (var h in s.Hosts) text.AppendLine($"host {h.Host} failures {h.Failures} attempts {h.Attempts} users {h.Users} {h.First:O} .. {h.Last:O}");
        foreach (var (user, count) in s.UsersTried) text.AppendLine($"user '{user}' {count}");
        foreach (var a in s.Accepted) text.AppendLine($"accepted {a.Timestamp:O} {a.User} {a.Remote} {a.Method}");
        Snapshot.Match(text.ToString());
    }
}
