using static Pidgin.Parser;

namespace LogParsing.Auth.Doas;

/// <summary>The doas family's entry in the registry, kept apart from <see cref="DoasGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class DoasFamily
{
    /// <summary>The doas family's claims: the tag <c>doas</c>.</summary>
    public static readonly AuthFamily Claims = new("doas")
    {
        Programs = ProgramClaim.All(Rec(() => DoasGrammar.Body), "doas"),
        Json = () => DoasJsonContext.Default,
    };
}
