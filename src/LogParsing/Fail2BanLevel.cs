namespace LogParsing;

/// <summary>
/// fail2ban's log levels, most severe first. fail2ban's own levels map onto them: <c>MSG</c> (18) reads as
/// <see cref="Info"/>, <c>TRACE</c> (7) as <see cref="Debug"/>, <c>HEAVY</c>/<c>HEAVYDEBUG</c> (5) as <see cref="HeavyDebug"/>;
/// numbered levels (<c>Level 39</c>, <c>#39-Lev.</c>) by their number. <see cref="Fail2BanEntry.LevelName"/> keeps what was written.
/// </summary>
public enum Fail2BanLevel
{
    /// <summary><c>CRITICAL</c> (50).</summary>
    Critical,

    /// <summary><c>ERROR</c> (40).</summary>
    Error,

    /// <summary><c>WARNING</c> (30): Ban/Unban in fail2ban 0.8.</summary>
    Warning,

    /// <summary><c>NOTICE</c> (25): Ban/Unban since 0.9.</summary>
    Notice,

    /// <summary><c>INFO</c> (20) and <c>MSG</c> (18).</summary>
    Info,

    /// <summary><c>DEBUG</c> (10) and <c>TRACE</c> (7).</summary>
    Debug,

    /// <summary><c>HEAVYDEBUG</c> / <c>HEAVY</c> (5) and below.</summary>
    HeavyDebug,
}
