namespace LogParsing.Tests;

/// <summary>The docs keep up with the code: a new event type without documentation fails here.</summary>
public class DocsTests
{
    [Fact]
    public void Every_auth_event_type_is_documented_in_events_md()
    {
        var doc = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "docs", "events.md"));
        var types = typeof(AuthEvent).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(AuthEvent)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Where(name => name is not nameof(UnrecognizedEvent) and not nameof(MalformedLine));
        Assert.All(types, name => Assert.Contains($"`{name}`", doc));
    }

    [Fact]
    public void Every_fail2ban_event_type_is_documented_in_fail2ban_md()
    {
        var doc = File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "docs", "fail2ban.md"));
        var types = typeof(Fail2BanEvent).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Fail2BanEvent)) && !t.IsAbstract)
            .Select(t => t.Name);
        Assert.All(types, name => Assert.Contains($"`{name}`", doc));
    }
}
