using static Pidgin.Parser;

namespace LogParsing.Auth.Shadow;

/// <summary>The shadow family's entry in the registry, kept apart from <see cref="ShadowGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class ShadowFamily
{
    /// <summary>
    /// The shadow family's claims: shadow-utils' account tools, and Debian's adduser, which runs them (its own syslog lines, with
    /// <c>--logmsglevel</c>, are not read yet).
    /// </summary>
    public static readonly AuthFamily Claims = new("shadow")
    {
        Programs = ProgramClaim.All(Rec(() => ShadowGrammar.Body), "useradd", "usermod", "userdel", "groupadd", "groupdel", "passwd", "chpasswd", "chage", "gpasswd",
            "chfn", "chsh", "adduser"),
        Json = () => ShadowJsonContext.Default,
    };
}
