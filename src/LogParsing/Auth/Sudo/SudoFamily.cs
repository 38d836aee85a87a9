using static Pidgin.Parser;

namespace LogParsing.Auth.Sudo;

/// <summary>The sudo family's entry in the registry, kept apart from <see cref="SudoGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class SudoFamily
{
    /// <summary>The sudo family's claims: sudo's own lines (its PAM lines are the PAM family's).</summary>
    public static readonly AuthFamily Claims = new("sudo")
    {
        Programs = ProgramClaim.All(Rec(() => SudoGrammar.Body), "sudo"),
        Json = () => SudoJsonContext.Default,
    };
}
