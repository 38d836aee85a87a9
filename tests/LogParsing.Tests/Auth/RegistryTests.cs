using LogParsing.Auth;

namespace LogParsing.Tests.Auth;

/// <summary>The registry of families (<c>AuthFamilies.All</c>) and how it names their grammars.</summary>
public class RegistryTests
{
    // Pidgin's deferred parser, which Parser.Rec makes: its type is internal to Pidgin.
    private static bool IsDeferred(object parser) => parser.GetType().Name == "RecParser`2";

    [Fact]
    public void Listing_the_families_builds_no_grammar()
    {
        // A family that named its grammar's field directly would build the whole grammar (its static fields are built
        // together) when the registry is first read: a 1,000-line summary paid a sixth of its time for that.
        var direct = new List<string>();
        foreach (var family in AuthFamilies.All)
        {
            foreach (var claim in family.Programs)
                if (!IsDeferred(claim.Body) && claim.Body is not LogParsing.Fail2Ban.Fail2BanAuthBody) direct.Add($"{family.Name}: program {claim.Program}");
            foreach (var claim in family.Messages)
                if (!IsDeferred(claim.Body)) direct.Add($"{family.Name}: message {claim.Prefix}");
            foreach (var header in family.Headers)
                if (!IsDeferred(header)) direct.Add($"{family.Name}: a header form");
        }
        Assert.True(direct.Count == 0, "named without Rec(() => ...): " + string.Join(", ", direct));
    }

    [Fact]
    public void A_deferred_grammar_reads_as_the_grammar_itself()
    {
        // The same line through the registry (deferred) and through the grammar's own field.
        const string message = "Failed password for invalid user oracle from 203.0.113.9 port 52814 ssh2";
        var viaRegistry = AuthLogParser.Default.Parse($"May 31 07:07:22 nimbus sshd[4242]: {message}").Event;
        var direct = Pidgin.ParserExtensions.ParseOrThrow(LogParsing.Auth.Sshd.SshdGrammar.Body, message);
        Assert.Equal(direct, viaRegistry);
    }
}
