using static Pidgin.Parser;

namespace LogParsing.Auth.Pam;

/// <summary>The PAM family's entry in the registry, kept apart from <see cref="PamGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class PamFamily
{
    /// <summary>The PAM family's claims: module lines under whatever program loaded the module (<c>pam_unix(sshd:auth): ...</c>), libpam's own <c>PAM </c> lines, and unix_chkpwd.</summary>
    public static readonly AuthFamily Claims = new("pam")
    {
        Messages = [new("pam_", Rec(() => PamGrammar.Body)), new("PAM ", Rec(() => PamGrammar.SystemBody))],
        Programs = [.. ProgramClaim.All(Rec(() => PamGrammar.UnixChkpwdBody), "unix_chkpwd"), .. ProgramClaim.All(Rec(() => PamGrammar.SecurettyBody), "PAM-securetty")],
        Tags = [new PamGrammar.LegacyTag()],
        Wrappers = [new PamGrammar.NestedTagWrapper()],
        Json = () => PamJsonContext.Default,
    };
}
