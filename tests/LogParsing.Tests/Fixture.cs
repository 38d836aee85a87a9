namespace LogParsing.Tests;

internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The repository's root (where LogParsing.sln is), found from the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LogParsing.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("LogParsing.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Sample(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>Options that make classic stamps deterministic: UTC, reference time fixed.</summary>
    public static AuthLogReaderOptions Utc(int? year = 2021) => new()
    {
        Year = year,
        TimeZone = TimeZoneInfo.Utc,
        ReferenceTime = new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source.ConfigureAwait(false)) list.Add(item);
        return list;
    }
}
