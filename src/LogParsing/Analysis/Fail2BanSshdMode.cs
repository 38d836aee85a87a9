namespace LogParsing.Analysis;

/// <summary>The modes of fail2ban's <c>sshd</c> filter (<c>filter.d/sshd.conf</c>, <c>mode = ...</c>): which sshd lines count as failures.</summary>
public enum Fail2BanSshdMode
{
    /// <summary>Failed and refused authentications only (<c>cmnfailre</c>).</summary>
    Normal,

    /// <summary>Normal, plus probes: no identification, bad banners, connections closed before authenticating, timeouts.</summary>
    Ddos,

    /// <summary>Normal, plus negotiation failures, <c>No supported authentication methods</c> and preauth disconnects of a named user.</summary>
    Extra,

    /// <summary>All of the above: fail2ban's <c>aggressive</c>, the default here.</summary>
    Aggressive,
}
