using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>Exit codes as docs/cli.md states them: 2 for every bad argument with one line naming the option, 130 when interrupted.</summary>
public class ExitCodeTests
{
    [Theory]
    [InlineData("summary", "--since", "99999999d")]
    [InlineData("summary", "--since", "999999d")]
    [InlineData("events", "--until", "99999999w")]
    [InlineData("simulate", "--findtime", "1e400")]
    [InlineData("simulate", "--bantime", "1e400")]
    [InlineData("simulate", "--findtime", "20000000d")]
    [InlineData("events", "--since", "2021-05-31", "--until", "2021-05-30")]
    public async Task A_bad_argument_is_exit_2_with_one_line_naming_the_option(params string[] args)
    {
        string[] all = [args[0], Fixture.Sample("auth.log"), "--year", "2021", .. args[1..]];
        var (exit, _, error) = await CliTests.Run(all);
        Assert.Equal(2, exit);
        Assert.StartsWith("authlog: --", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("events")]
    [InlineData("bans")]
    [InlineData("simulate")]
    [InlineData("detect")]
    public async Task An_interrupted_command_exits_130(string command)
    {
        using var dir = new TempDir();
        var lines = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"May 31 07:07:22 h sshd[{i}]: Invalid user a from 192.0.2.1 port 1\n"));
        var path = dir.File(command == "bans" ? "fail2ban.log" : "auth.log", command == "bans"
            ? string.Concat(Enumerable.Range(0, 200_000).Select(i => $"2021-05-31 07:07:22,123 fail2ban.actions        [1]: NOTICE  [sshd] Ban 192.0.2.{i % 250}\n"))
            : lines);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var exit = await AuthLogCli.RunAsync([command, path, "--year", "2021"], CliConsole.Plain(TextWriter.Null, TextWriter.Null), cts.Token);
        Assert.Equal(130, exit);
    }

    [Fact]
    public async Task Follow_ends_with_0_on_ctrl_c_as_journalctl_f_does()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "May 31 07:07:22 h sshd[1]: Invalid user a from 192.0.2.1 port 1\n");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var exit = await AuthLogCli.RunAsync(["follow", path, "--year", "2021"], CliConsole.Plain(TextWriter.Null, TextWriter.Null), cts.Token);
        Assert.Equal(0, exit);
    }
}

/// <summary>Ctrl-C on the real process: SIGINT to a running <c>authlog</c>, as a terminal sends it.</summary>
public class InterruptProcessTests
{
    [Theory]
    [InlineData("summary", 130)]
    [InlineData("events", 130)]
    [InlineData("detect", 130)]
    [InlineData("follow", 0)]
    public async Task Sigint_ends_the_process_with_its_documented_code(string command, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        // A follow reads a file and waits for more lines. The other commands read standard input, which the test keeps
        // feeding until the signal: the read is still going when it comes however fast the tool has become (a file of
        // 600,000 lines once took longer than the wait, and then no longer did).
        var follow = command == "follow";
        var path = Path.Combine(dir.Path, "auth.log");
        if (follow)
            await using (var file = new StreamWriter(path))
                for (var i = 0; i < 10; i++)
                    await file.WriteLineAsync($"May 31 07:07:22 h sshd[{i}]: Invalid user a from 192.0.2.1 port 1");
        string[] run = ["dotnet", Path.Combine(AppContext.BaseDirectory, "authlog.dll"), command, follow ? path : "-", "--year", "2021"];
        // A test run started in the background by a non-interactive shell inherits SIGINT ignored, and so would authlog
        // (an ignored signal stays ignored across exec): give it the default, as a terminal's foreground job has.
        if (SigintIgnored()) run = ["env", "--default-signal=INT", .. run];
        var start = new System.Diagnostics.ProcessStartInfo(run[0], run[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = !follow,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        using var stopFeeding = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feeding = follow ? Task.CompletedTask : Feed(process.StandardInput, stopFeeding.Token);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            if (command == "follow")
                Assert.StartsWith("authlog: following", await process.StandardError.ReadLineAsync(ct)); // in place: no sleep
            else
                await Task.Delay(1500, ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            Assert.False(process.HasExited, "the command ended before the signal: the test measures nothing");
            using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(expected, process.ExitCode);
            Assert.DoesNotContain("   at ", await stderr);
            _ = await stdout;
        }
        finally
        {
            // A failed run must not leave a follow behind, holding the test's files and its runner's inherited handles.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await stopFeeding.CancelAsync();
            await feeding;
        }
    }

    // Lines into the process's standard input until stopped or until the process has gone (a broken pipe).
    private static async Task Feed(StreamWriter input, CancellationToken stop)
    {
        var block = string.Concat(Enumerable.Range(0, 1000).Select(i => $"May 31 07:07:22 h sshd[{i}]: Invalid user a from 192.0.2.1 port 1\n"));
        try
        {
            while (!stop.IsCancellationRequested)
                await input.WriteAsync(block.AsMemory(), stop);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    // SigIgn in /proc/self/status: a hex mask of the ignored signals, bit 1 for SIGINT (2).
    private static bool SigintIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 2) != 0;
    }
}
