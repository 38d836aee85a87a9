using static Pidgin.Parser;

namespace LogParsing.Auth.Polkit;

/// <summary>The polkit family's entry in the registry, kept apart from <see cref="PolkitGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class PolkitFamily
{
    /// <summary>The polkit family's claims: polkitd under its own tag, or polkit's older <c>polkitd(authority=local)</c>, and pkexec.</summary>
    public static readonly AuthFamily Claims = new("polkit")
    {
        Programs = [.. ProgramClaim.All(Rec(() => PolkitGrammar.Body), "polkitd", "polkitd(authority=local)"), .. ProgramClaim.All(Rec(() => PolkitGrammar.PkexecBody), "pkexec")],
        Json = () => PolkitJsonContext.Default,
    };
}
