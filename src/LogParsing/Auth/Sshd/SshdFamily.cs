using static Pidgin.Parser;

namespace LogParsing.Auth.Sshd;

/// <summary>The sshd family's entry in the registry, kept apart from <see cref="SshdGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class SshdFamily
{
    /// <summary>The sshd family's claims: the listener's tag <c>sshd</c> and, from OpenSSH 9.8, the per-connection <c>sshd-session</c> and <c>sshd-auth</c>.</summary>
    public static readonly AuthFamily Claims = new("sshd")
    {
        Programs = ProgramClaim.All(Rec(() => SshdGrammar.Body), "sshd", "sshd-session", "sshd-auth"),
        Json = () => SshdJsonContext.Default,
    };
}
