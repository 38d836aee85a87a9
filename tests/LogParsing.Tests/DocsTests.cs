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

    /// <summary>The figures the docs state are the code's: a changed bound without its docs fails here.</summary>
    [Fact]
    public void Documented_bounds_match_the_code()
    {
        string Doc(params string[] path) => File.ReadAllText(Path.Combine([Fixture.RepoRoot(), .. path]));
        var megabytes = Reading.MemoryTests.Limit / 1024 / 1024;
        Assert.Contains($"grows by under {megabytes} MB", Doc("README.md"));
        Assert.Contains($"live heap growth under {megabytes} MB", Doc("docs", "reliability.md"));
        Assert.Contains($"live heap growth under {megabytes} MB", Doc("docs", "benchmarks.md"));
        Assert.Contains($"capped ({LogParsing.Grammar.TextCache<string>.Capacity} slots", Doc("docs", "reliability.md"));
        Assert.Contains($"capped ({new LogParsing.Analysis.SessionCorrelator().Capacity} by default)", Doc("docs", "reliability.md"));
        var limit = LogReaderOptions.Default.MaxLineLength / 1024;
        Assert.Contains($"`MaxLineLength` ({limit} KiB)", Doc("docs", "reliability.md"));
        Assert.Equal(256, LogParsing.Reading.FollowStream.FingerprintLength);
        Assert.Contains("first 256 bytes", Doc("docs", "reliability.md"));
    }
}
