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
/// <remarks>
/// A family declares its claims in a class of their own (<c>Auth/Sshd/SshdFamily.cs</c>) and names its grammar through
/// <c>Rec(() =&gt; SshdGrammar.Body)</c>: a grammar's static fields are built together, the first time one is read, and
/// building them all took a sixth of the samples of <c>authlog summary</c> on a 1,000-line log. Now a grammar is built the
/// first time a line needs it, and a log without Dropbear, polkit or shadow-utils lines never builds theirs
/// (docs/benchmarks.md, "Start-up: grammars built when first needed"). Solaris' message ids and fail2ban's syslog records
/// have no grammar to defer: each is one small parser class, which declares its family itself.
/// </remarks>
internal static class AuthFamilies
{
    /// <summary>The families <see cref="AuthLogParser.Default"/> reads.</summary>
    public static ImmutableArray<AuthFamily> All { get; } =
    [
        SshdFamily.Claims,
        DropbearFamily.Claims, // before PAM: it claims "PAM password auth succeeded for '", inside PAM's "PAM "
        PamFamily.Claims,
        CronFamily.Claims,
        SudoFamily.Claims,
        SuFamily.Claims,
        LogindFamily.Claims,
        PolkitFamily.Claims,
        ShadowFamily.Claims,
        LoginFamily.Claims,
        DoasFamily.Claims,
        RsyslogFamily.Claims,
        SolarisMessageId.Family,
        Fail2BanAuthBody.Family,
    ];
}
