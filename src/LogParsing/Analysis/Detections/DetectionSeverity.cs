namespace LogParsing.Analysis.Detections;

/// <summary>How much a <see cref="Detection"/> asks for attention, lowest first.</summary>
public enum DetectionSeverity
{
    /// <summary>Context: a defence that fired (fail2ban, sshd's penalties), nothing to do.</summary>
    Info,

    /// <summary>Worth a glance: probing, a first-seen sudo user, a brute force too slow to succeed.</summary>
    Low,

    /// <summary>An attack in progress or a refused privilege: worth a look.</summary>
    Medium,

    /// <summary>An attack that may succeed (many sources on one account, exploit probing).</summary>
    High,

    /// <summary>Someone got in after failing: look now.</summary>
    Critical,
}
