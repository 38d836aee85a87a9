using static Pidgin.Parser;

namespace LogParsing.Auth.Cron;

/// <summary>The cron family's entry in the registry, kept apart from <see cref="CronGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class CronFamily
{
    /// <summary>The cron family's claims: Debian's cron (<c>CRON</c>) and cronie (<c>CROND</c> for a job, <c>crond</c> for the daemon).</summary>
    public static readonly AuthFamily Claims = new("cron")
    {
        Programs = ProgramClaim.All(Rec(() => CronGrammar.Body), "CRON", "CROND", "crond", "cron"),
        Json = () => CronJsonContext.Default,
    };
}
