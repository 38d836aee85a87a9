using static Pidgin.Parser;

namespace LogParsing.Auth.Login;

/// <summary>The login family's entry in the registry, kept apart from <see cref="LoginGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class LoginFamily
{
    /// <summary>The login family's claims: the tag <c>login</c>.</summary>
    public static readonly AuthFamily Claims = new("login")
    {
        Programs = ProgramClaim.All(Rec(() => LoginGrammar.Body), "login"),
        Json = () => LoginJsonContext.Default,
    };
}
