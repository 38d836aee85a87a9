using static Pidgin.Parser;

namespace LogParsing.Auth.Dropbear;

/// <summary>The dropbear family's entry in the registry, kept apart from <see cref="DropbearGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class DropbearFamily
{
    /// <summary>
    /// The Dropbear family's claims: the tag <c>dropbear</c>, and the message <c>PAM password auth succeeded for '...</c>, which the
    /// PAM family's claim of <c>PAM </c> would otherwise take (a claim wins over the program's grammar, and the longer prefix is
    /// listed first: this family comes before PAM in <c>AuthFamilies.All</c>). No other program writes that text.
    /// </summary>
    public static readonly AuthFamily Claims = new("dropbear")
    {
        Programs = ProgramClaim.All(Rec(() => DropbearGrammar.Body), "dropbear"),
        Messages = [new(DropbearGrammar.PamSucceeded, Rec(() => DropbearGrammar.Body))],
        Json = () => DropbearJsonContext.Default,
    };
}
