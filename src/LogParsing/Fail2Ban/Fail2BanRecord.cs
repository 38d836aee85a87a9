namespace LogParsing.Fail2Ban;

/// <summary>A fail2ban record after its timestamp: logger, pid, level, jail, message and event, as one value.</summary>
/// <param name="Logger">The Python logger: <c>fail2ban.actions</c>.</param>
/// <param name="ProcessId">The pid, when written.</param>
/// <param name="LevelName">The level as written: <c>NOTICE</c>, <c>Level 39</c>.</param>
/// <param name="Jail">The jail in brackets, or null.</param>
/// <param name="Message">The message, jail included.</param>
/// <param name="Event">What happened.</param>
public readonly record struct Fail2BanRecord(string Logger, int? ProcessId, string LevelName, string? Jail, string Message, Fail2BanEvent Event)
{
    /// <summary>The level that <see cref="LevelName"/> stands for.</summary>
    public Fail2BanLevel Level => Fail2BanGrammar.LevelOf(LevelName);
}
