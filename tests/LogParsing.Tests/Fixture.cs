namespace LogParsing.Tests;

internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

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
