namespace LogParsing.PublicApi.Tests;

/// <summary>Fixture paths, and real temporary directories deleted on dispose.</summary>
internal sealed class Files : IDisposable
{
    public Files() => Directory.CreateDirectory(Dir);

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "logparsing-public-" + Guid.NewGuid().ToString("N"));

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The repository's root (where LogParsing.sln is), found from the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LogParsing.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("LogParsing.sln not found above " + AppContext.BaseDirectory);
    }

    public string Copy(string fixture, string? name = null)
    {
        var path = Path.Combine(Dir, name ?? fixture);
        File.Copy(Fixture(fixture), path);
        return path;
    }

    /// <summary>Compresses a fixture with GZipStream into the directory: a real .gz, as logrotate's compress makes.</summary>
    public string Gzip(string fixture, string name)
    {
        var path = Path.Combine(Dir, name);
        using var source = File.OpenRead(Fixture(fixture));
        using var target = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(target, System.IO.Compression.CompressionLevel.Optimal);
        source.CopyTo(gzip);
        return path;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
