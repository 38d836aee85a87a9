using static Pidgin.Parser;

namespace LogParsing.Auth.Logind;

/// <summary>The logind family's entry in the registry, kept apart from <see cref="LogindGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class LogindFamily
{
    /// <summary>The logind family's claims: systemd-logind's session lines.</summary>
    public static readonly AuthFamily Claims = new("logind")
    {
        Programs = ProgramClaim.All(Rec(() => LogindGrammar.Body), "systemd-logind"),
        Json = () => LogindJsonContext.Default,
    };
}
