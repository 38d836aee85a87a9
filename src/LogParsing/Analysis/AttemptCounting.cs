using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;

namespace LogParsing.Analysis;

/// <summary>
/// The one rule the analyses (<see cref="AuthLogSummaryBuilder"/>, <see cref="BanSimulator"/>) use to count failed attempts
/// and logins. <see cref="AuthEvent.Outcome"/> says what a line reports (a PAM <c>authentication failure</c> under sshd is a
/// failure); one attempt is often reported by several lines, so counting picks the lines fail2ban's <c>sshd</c> filter counts,
/// in the <see cref="Mode"/> it imitates (docs/events.md, "Counting attempts"). An entry counts
/// <see cref="AuthLogEntry.RepeatCount"/> times.
/// </summary>
/// <example>
/// <code>
/// var counting = new AttemptCounting { Mode = Fail2BanSshdMode.Normal };
/// var failures = 0;
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log")) failures += counting.FailedAttempts(e);
/// </code>
/// </example>
public sealed record AttemptCounting
{
    /// <summary>fail2ban's <c>mode = aggressive</c>, which the summary and <c>authlog simulate</c> use by default.</summary>
    public static AttemptCounting Default { get; } = new();

    /// <summary>Which of fail2ban's sshd filter modes to imitate; <see cref="Fail2BanSshdMode.Aggressive"/> by default.</summary>
    public Fail2BanSshdMode Mode { get; init; } = Fail2BanSshdMode.Aggressive;

    /// <summary>How many failed attempts <paramref name="entry"/> counts: its <see cref="AuthLogEntry.RepeatCount"/>, or 0.</summary>
    /// <param name="entry">The entry.</param>
    public int FailedAttempts(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return IsFailedAttempt(entry.Event) ? entry.RepeatCount : 0;
    }

    /// <summary>How many logins <paramref name="entry"/> counts: its <see cref="AuthLogEntry.RepeatCount"/>, or 0.</summary>
    /// <param name="entry">The entry.</param>
    public int Logins(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return IsLogin(entry.Event) ? entry.RepeatCount : 0;
    }

    /// <summary>
    /// True when <paramref name="evt"/> is the line that counts a failed attempt: a <see cref="AuthOutcome.Failure"/>, except
    /// the lines that repeat an attempt another line counts (PAM's lines under sshd, PAM's sums and helpers, sshd's 7.5+
    /// <c>Disconnecting ...: Too many authentication failures</c>), and except sshd lines outside <see cref="Mode"/>.
    /// </summary>
    /// <param name="evt">The event.</param>
    public bool IsFailedAttempt(AuthEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Outcome != AuthOutcome.Failure) return false;
        return evt switch
        {
            // sshd logs the same attempt itself (Failed password, Invalid user): fail2ban's NOFAIL helper.
            PamEvent { Service: "sshd" } => false,
            // Sums of failures logged one by one, and the lines that come with the failure line of the same attempt.
            PamMoreFailures or PamPasswordCheckFailed or PamUserUnknown => false,
            // Follows "maximum authentication attempts exceeded" of the same attempt; fail2ban's (?!Too many ...) skips it.
            SshdDisconnecting { Remote: not null } d when d.Reason.StartsWith("Too many authentication failures", StringComparison.Ordinal) => false,
            SshdEvent sshd => InMode(sshd),
            _ => true,
        };
    }

    /// <summary>
    /// True when <paramref name="evt"/> is a login: an authentication that succeeded (sshd's <c>Accepted</c>, a PAM
    /// <c>authentication success</c> outside sshd, Dropbear's, login(1)'s...). Opened sessions and account changes are
    /// <see cref="AuthOutcome.Success"/> too, but not logins: a cron job opens a session every minute.
    /// </summary>
    /// <param name="evt">The event.</param>
    public bool IsLogin(AuthEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Outcome != AuthOutcome.Success) return false;
        return evt switch
        {
            PamAuthenticationSuccess { Service: "sshd" } => false,
            PamAuthenticationSuccess => true,
            PamEvent => false,
            Auth.Logind.LogindNewSession => false,
            // sshd's Accepted is nearly every login of a busy log: known by its base type, without reading Type.Namespace.
            SshdEvent => true,
            _ => evt.GetType().Namespace is not ("LogParsing.Auth.Shadow" or "LogParsing.Auth.Su" or "LogParsing.Auth.Sudo" or "LogParsing.Auth.Doas"),
        };
    }

    // fail2ban sshd.conf: cmnfailre in every mode; mdre-ddos, mdre-extra; aggressive = both (docs/research/fail2ban-sshd-filter.md).
    private bool InMode(SshdEvent evt)
    {
        var group = evt switch
        {
            SshdNoIdentification or SshdBadProtocolVersion or SshdIdentificationError or SshdConnectionError or SshdTimeout or SshdSocketError
                or SshdConnectionClosed or SshdConnectionReset => Fail2BanSshdMode.Ddos,
            SshdDisconnecting { Remote: not null } => Fail2BanSshdMode.Ddos,
            SshdNegotiationFailed or SshdReceivedDisconnect { Code: 14 } => Fail2BanSshdMode.Extra,
            // Disconnected from invalid/authenticating user ... [preauth]: ddos (DO1) and extra (EO1); the bare form ddos only.
            SshdDisconnected { UserState: SshdUserState.None } => Fail2BanSshdMode.Ddos,
            SshdDisconnected => Fail2BanSshdMode.Aggressive,
            _ => Fail2BanSshdMode.Normal,
        };
        return group switch
        {
            Fail2BanSshdMode.Normal => true,
            Fail2BanSshdMode.Aggressive => Mode != Fail2BanSshdMode.Normal,
            _ => Mode == group || Mode == Fail2BanSshdMode.Aggressive,
        };
    }
}
