using System.Collections.Immutable;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Doas;
using LogParsing.Auth.Dropbear;
using LogParsing.Auth.Login;
using LogParsing.Auth.Logind;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Polkit;
using LogParsing.Auth.Rsyslog;
using LogParsing.Auth.Shadow;
using LogParsing.Auth.Solaris;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Su;
using LogParsing.Auth.Sudo;
using LogParsing.Fail2Ban;

namespace LogParsing.Auth;

/// <summary>
/// The registry: every program family of the library, in the order their claims are tried. Adding a family is a folder
/// under <c>Auth/</c> that declares its claims (an <see cref="AuthFamily"/>) and one line here.
/// </summary>
internal static class AuthFamilies
{
    /// <summary>The families <see cref="AuthLogParser.Default"/> reads.</summary>
    public static ImmutableArray<AuthFamily> All { get; } =
    [
        SshdGrammar.Family,
        DropbearGrammar.Family, // before PAM: it claims "PAM password auth succeeded for '", inside PAM's "PAM "
        PamGrammar.Family,
        CronGrammar.Family,
        SudoGrammar.Family,
        SuGrammar.Family,
        LogindGrammar.Family,
        PolkitGrammar.Family,
        ShadowGrammar.Family,
        LoginGrammar.Family,
        DoasGrammar.Family,
        RsyslogGrammar.Family,
        SolarisMessageId.Family,
        Fail2BanAuthBody.Family,
    ];
}
