using LogParsing.Grammar;
using Pidgin;

namespace LogParsing.Tests.Grammar;

/// <summary>
/// The library's own line parsers run quiet (nothing recorded for error messages nobody reads); a user's parse of the
/// same grammar pieces still says what was expected.
/// </summary>
public class QuietParseTests
{
    private static readonly Parser<char, string> UserThenPort =
        Scan.Literal("user ").Then(Scan.Word).Before(Scan.Literal(" port ")).Before(Scan.Integer.Maybe());

    [Fact]
    public void A_users_parse_reports_what_the_failing_leaf_expected()
    {
        var result = Scan.Literal("user ").Then(Scan.Word).Parse("user ");

        Assert.False(result.Success);
        Assert.Contains(result.Error!.Expected, e => e.Label == "word");
    }

    [Fact]
    public void A_quiet_parse_fails_the_same_way_without_recording_expectations()
    {
        var quiet = Scan.Literal("user ").Then(Scan.Word).Parse("user ", Quiet.Configuration);

        Assert.False(quiet.Success);
        Assert.Empty(quiet.Error!.Expected);
    }

    [Theory]
    [InlineData("user alice port 22")]
    [InlineData("user alice port ")]
    [InlineData("user  port 22")]
    [InlineData("admin alice port 22")]
    public void Quiet_and_recording_parses_accept_the_same_inputs(string input)
    {
        var loud = UserThenPort.Parse(input);
        var quiet = UserThenPort.Parse(input, Quiet.Configuration);

        Assert.Equal(loud.Success, quiet.Success);
        if (loud.Success) Assert.Equal(loud.Value, quiet.Value);
    }

    [Fact]
    public void The_seed_posts_lines_parse_alike_quiet_or_not()
    {
        // AuthLogParser parses quiet; the same grammar run loud (as a user composing it would) gives the same events.
        foreach (var line in File.ReadAllLines(Fixture.Path("seed-auth.log")))
        {
            var entry = AuthLogParser.Default.Parse(line);
            if (entry.Event is UnrecognizedEvent or MalformedLine || entry.Program is not ("sshd" or "sshd-session")) continue;
            var loud = LogParsing.Auth.Sshd.SshdGrammar.Body.Parse(entry.Message);
            Assert.True(loud.Success, line);
            Assert.Equal(entry.Event, loud.Value);
        }
    }
}
