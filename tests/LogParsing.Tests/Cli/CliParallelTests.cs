using System.Diagnostics;
using LogParsing.Benchmarks;

namespace LogParsing.Tests.Cli;

/// <summary>
/// The tool reads big files in parallel by default (issue 16); its output must not show it. LOGPARSING_CHUNK_LINES, the
/// library's testing knob, makes the real process read every file in parallel in chunks of a few lines.
/// </summary>
public class CliParallelTests
{
    private static async Task<(int Exit, string Out, string Err)> RunProcess(string? chunkLines, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "authlog.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("LOGPARSING_CHUNK_LINES");
        if (chunkLines is not null) start.Environment["LOGPARSING_CHUNK_LINES"] = chunkLines;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("events", "--format", "ndjson")]
    [InlineData("events", "--format", "es-bulk")]
    public async Task Output_read_in_parallel_is_byte_for_byte_the_sequential_output(params string[] command)
    {
        using var dir = new TempDir();
        // The benchmark corpus (sshd, PAM, cron, sudo) after the seed post's sample, with its repeats and odd lines.
        var sample = await File.ReadAllTextAsync(Fixture.Sample("auth.log"), TestContext.Current.CancellationToken);
        var path = dir.File("auth.log", sample + string.Join('\n', Corpus.Lines(20_000)) + "\n");
        string[] args = [.. command, path, "--year", "2021", "--tz", "UTC"];
        var sequential = await RunProcess(null, args);
        Assert.True(sequential.Exit == 0, sequential.Err);
        Assert.NotEmpty(sequential.Out);
        foreach (var chunk in new[] { "3", "1000" })
        {
            var parallel = await RunProcess(chunk, args);
            Assert.Equal(sequential.Exit, parallel.Exit);
            Assert.Equal(sequential.Err, parallel.Err);
            Assert.True(sequential.Out == parallel.Out, $"the output of {string.Join(' ', command)} read in chunks of {chunk} lines differs");
        }
    }
}
