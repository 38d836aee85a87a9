namespace LogParsing.Analysis.Detections;

/// <summary>The identifiers of the rules (<see cref="Detection.RuleId"/>), each defined in docs/detections.md.</summary>
public static class DetectionRuleIds
{
    /// <summary>fail2ban's sshd jail: <see cref="DetectionRules.BruteForce"/>.</summary>
    public const string BruteForce = "ssh-brute-force";

    /// <summary>CrowdSec <c>ssh-slow-bf</c>: <see cref="DetectionRules.SlowBruteForce"/>.</summary>
    public const string SlowBruteForce = "ssh-slow-brute-force";

    /// <summary>CrowdSec <c>ssh-time-based-bf</c>: <see cref="DetectionRules.TimeBasedBruteForce"/>.</summary>
    public const string TimeBasedBruteForce = "ssh-time-based-brute-force";

    /// <summary>CrowdSec <c>ssh-bf_user-enum</c>: <see cref="DetectionRules.UserEnumeration"/>.</summary>
    public const string UserEnumeration = "ssh-user-enumeration";

    /// <summary>Project-defined: <see cref="DetectionRules.DistributedBruteForce"/>.</summary>
    public const string DistributedBruteForce = "ssh-distributed-brute-force";

    /// <summary>Wazuh 40112: <see cref="DetectionRules.SuccessAfterFailures"/>.</summary>
    public const string SuccessAfterFailures = "login-after-failures";

    /// <summary>CrowdSec <c>ssh-cve-2024-6387</c>: <see cref="DetectionRules.Cve20246387"/>.</summary>
    public const string Cve20246387 = "ssh-cve-2024-6387";

    /// <summary>fail2ban's sshd ddos/extra lines: <see cref="DetectionRules.ProtocolProbing"/>.</summary>
    public const string ProtocolProbing = "ssh-protocol-probing";

    /// <summary>sshd's PerSourcePenalties and MaxStartups: <see cref="DetectionRules.SshdDefences"/>.</summary>
    public const string SshdDefence = "sshd-defence";

    /// <summary>A ban in fail2ban.log: <see cref="DetectionRules.Fail2BanActions"/>.</summary>
    public const string Fail2BanBan = "fail2ban-ban";

    /// <summary>An unban in fail2ban.log: <see cref="DetectionRules.Fail2BanActions"/>.</summary>
    public const string Fail2BanUnban = "fail2ban-unban";

    /// <summary>Wazuh 5403: <see cref="DetectionRules.SudoFirstUse"/>.</summary>
    public const string SudoFirstUse = "sudo-first-use";

    /// <summary>Wazuh 5401/5404/5405/5406: <see cref="DetectionRules.SudoRefused"/>.</summary>
    public const string SudoRefused = "sudo-refused";

    /// <summary>Wazuh 5302: <see cref="DetectionRules.SuRootFailed"/>.</summary>
    public const string SuRootFailed = "su-root-failed";
}
