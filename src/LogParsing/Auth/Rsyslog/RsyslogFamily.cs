using static Pidgin.Parser;

namespace LogParsing.Auth.Rsyslog;

/// <summary>The rsyslog family's entry in the registry, kept apart from <see cref="RsyslogGrammar"/> so that listing the families builds none of it (see <see cref="AuthFamilies"/>).</summary>
internal static class RsyslogFamily
{
    /// <summary>
    /// The rsyslog family's claims: what the syslog daemon writes itself. Its repeat summary around a message is a wrapper
    /// (the entry's event is the repeated message's, its <see cref="AuthLogEntry.RepeatCount"/> the count); the summaries
    /// of the previous message's repeats and the tagless lines are its own.
    /// </summary>
    public static readonly AuthFamily Claims = new("rsyslog")
    {
        Wrappers = [new RsyslogGrammar.RepeatedMessageWrapper()],
        Messages = [new(RsyslogGrammar.LegacyRepeatedPrefix, Rec(() => RsyslogGrammar.Body)), new(RsyslogGrammar.DashedRepeatedPrefix, Rec(() => RsyslogGrammar.Body))],
        Headers = [Rec(() => RsyslogGrammar.TaglessHeader), Rec(() => RsyslogGrammar.SyslogdHeader)],
        Programs = [.. ProgramClaim.All(Rec(() => RsyslogGrammar.Mark), string.Empty), .. ProgramClaim.All(Rec(() => RsyslogGrammar.SyslogdOwn), "syslogd")],
        Json = () => RsyslogJsonContext.Default,
    };
}
