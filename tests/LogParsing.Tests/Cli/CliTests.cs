using LogParsing.Cli;
using Snapshooter.Xunit3;

namespace LogParsing.Tests.Cli;

/// <summary>The authlog tool, run in-process on the bundled samples.</summary>
public class CliTests
{
    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AuthLogCli.RunAsync(args, CliConsole.Plain(output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Summary_of_the_sample_matches_the_snapshot()
    {
        var (exit, output, error) = await Run("summary", Fixture.Sample("auth.log"), "--year", "2021", "--tz", "UTC");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Snapshot.Match(output.Replace(Fixture.Sample("auth.log"), "docs/samples/auth.log"));
    }

    [Fact]
    public async Task Summary_reports_the_nineteen_distinct_remote_hosts_of_the_seed_post()
    {
        var (_, output, _) = await Run("summary", Fixture.Sample("auth.log"), "--year", "2021");
        Assert.Contains("Remote hosts:  19 distinct", output);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_naming_it_and_exit_code_1()
    {
        var (exit, _, error) = await Run("summary", "/no/such/auth.log");
        Assert.Equal(1, exit);
        Assert.Contains("/no/such/auth.log", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("summary", "--bogus")]
    [InlineData("summary", "--tz", "Not/AZone", "x")]
    [InlineData("nonsense")]
    public async Task Invalid_arguments_exit_with_code_2(params string[] args)
    {
        var (exit, _, error) = await Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("authlog: ", error);
    }

    [Fact]
    public async Task Help_has_examples()
    {
        var (exit, output, _) = await Run("summary", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output);
    }

    [Fact]
    public async Task Control_characters_in_user_names_are_escaped()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "May 31 07:07:22 nimbus sshd[1]: Invalid user \u001b[2Jevil from 192.0.2.1 port 1\n");
        var (_, output, _) = await Run("summary", path, "--year", "2021");
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("\\x1b[2Jevil", output);
    }

    [Fact]
    public async Task Summary_of_a_directory_reads_auth_and_fail2ban_logs_side_by_side()
    {
        var samples = Path.GetDirectoryName(Fixture.Sample("auth.log"))!;
        var (exit, output, _) = await Run("summary", samples, "--year", "2021");
        Assert.Equal(0, exit);
        Assert.Contains("Lines read:    57", output);
        Assert.Contains("Bans:           15 of 6 hosts", output);
    }

    [Fact]
    public void A_missing_default_log_is_a_helpful_message_naming_it()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Inputs.Resolve([], "/no/such/default/auth.log"));
        Assert.StartsWith("/no/such/default/auth.log does not exist here. Give log files as arguments", ex.Message);
    }
}
