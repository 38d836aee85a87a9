using LogParsing.Auth.Pam;
using LogParsing.Grammar;
using Pidgin;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Tests.Auth.Pam;

/// <summary><see cref="PamGrammar.Prefix"/>, read in one scan, against the grammar it stands for.</summary>
public class PamPrefixTests
{
    // linux-pam's pam_syslog: "%s(%s:%s): " with the module, the service and the management group.
    private static readonly Parser<char, (string, string, string)> Composed =
        Parser.Map(
            (module, service, type) => (module, service, type),
            WordUntil("( ").Before(Literal("(")),
            WordUntil(":) ").Before(Literal(":")),
            WordUntil(") ").Before(Literal("): ")));

    [Theory]
    [InlineData("pam_unix(sshd:auth): check pass; user unknown")]
    [InlineData("pam_unix(cron:session): session closed for user root")]
    [InlineData("pam_sss(gdm-password:auth): authentication success; logname= uid=0")]
    [InlineData("pam_systemd(sshd:session): Failed to release session: Interrupted system call")]
    [InlineData("pam_unix(sshd:auth):")]
    [InlineData("pam_unix(sshd:auth)")]
    [InlineData("pam_unix(sshd:auth) : x")]
    [InlineData("pam_unix(sshd auth): x")]
    [InlineData("pam_unix (sshd:auth): x")]
    [InlineData("pam_unix(:auth): x")]
    [InlineData("pam_unix(sshd:): x")]
    [InlineData("(sshd:auth): x")]
    [InlineData("pam_unix(sshd:auth:x): y")]
    [InlineData("pam_unix(sshd)auth): y")]
    [InlineData("pam_unix((sshd:auth): y")]
    [InlineData("pam_unix")]
    [InlineData("")]
    public void The_prefix_reads_as_its_composed_grammar(string message) => AssertSame(message);

    [Fact]
    public void The_prefix_reads_as_its_composed_grammar_on_random_text()
    {
        // Prefixes cut, doubled and spliced from the characters that matter: every one read (or refused) alike.
        var random = new Random(29);
        const string alphabet = "pam_x(:) s";
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            AssertSame(new string(chars));
            AssertSame("pam_unix(sshd:auth" + new string(chars));
        }
    }

    private static void AssertSame(string message)
    {
        var leaf = PamGrammar.Prefix.Parse(message);
        var composed = Composed.Parse(message);
        Assert.Equal(composed.Success, leaf.Success);
        if (!composed.Success) return;
        Assert.Equal(composed.Value, leaf.Value);
        // And the message after it starts at the same place.
        Assert.Equal(composed.Success, PamGrammar.Prefix.Then(Parser<char>.Any.ManyString()).Parse(message).Success);
        Assert.Equal(Composed.Then(Parser<char>.Any.ManyString()).Parse(message).Value, PamGrammar.Prefix.Then(Parser<char>.Any.ManyString()).Parse(message).Value);
    }
}
