using static Pidgin.Parser;

namespace LogParsing.Auth.Su;

/// <summary>The su family's entry in the registry, kept apart from <see cref="SuGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class SuFamily
{
    /// <summary>The su family's claims: util-linux su and runuser.</summary>
    public static readonly AuthFamily Claims = new("su")
    {
        Programs = ProgramClaim.All(Rec(() => SuGrammar.Body), "su", "runuser"),
        Json = () => SuJsonContext.Default,
    };
}
