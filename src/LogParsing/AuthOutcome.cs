namespace LogParsing;

/// <summary>What an event says about an authentication attempt.</summary>
public enum AuthOutcome
{
    /// <summary>Not an authentication result (a session opened, a server started, a cron job ran).</summary>
    None,

    /// <summary>A login or authentication succeeded.</summary>
    Success,

    /// <summary>A failed or refused login attempt, or a probe that a ban policy would count (see docs/events.md).</summary>
    Failure,
}
