using System.Diagnostics;
using System.Text.Json;

namespace LogParsing.Tests.Cli;

/// <summary>The authlog tool as a real process: standard input, standard output, exit codes.</summary>
public class CliProcessTests
{
    private static async Task<(int Exit, string Out, string Err)> RunProcess(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "authlog.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task A_dash_reads_standard_input()
    {
        var text = await File.ReadAllTextAsync(Fixture.Sample("auth.log"), TestContext.Current.CancellationToken);
        var (exit, output, error) = await RunProcess(text, "events", "-", "--year", "2021", "--format", "ndjson", "--type", "InvalidUser");
        Assert.True(exit == 0, error);
        var users = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("user").GetString()).ToList();
        Assert.Equal(15, users.Count);
        Assert.Contains("oracle", users);
    }
}
