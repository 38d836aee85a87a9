namespace LogParsing.Auth.Cron;

/// <summary><c>(root) CMD (cd / &amp;&amp; run-parts --report /etc/cron.hourly)</c>: cron started a job for <see cref="AuthEvent.User"/>.</summary>
public sealed record CronCommand : AuthEvent
{
    /// <summary>The command line, as cron logged it (it may itself contain parentheses).</summary>
    public required string Command { get; init; }
}

/// <summary>Any other cron daemon line of the form <c>(user) ACTION (detail)</c>: <c>RELOAD</c>, <c>STARTUP</c>, <c>CMDEND</c>, <c>LIST</c>...</summary>
public sealed record CronAction : AuthEvent
{
    /// <summary>The action word(s): <c>RELOAD</c>, <c>STARTUP</c>, <c>BEGIN EDIT</c>...</summary>
    public required string Action { get; init; }

    /// <summary>The text in the last parentheses.</summary>
    public required string Detail { get; init; }
}
