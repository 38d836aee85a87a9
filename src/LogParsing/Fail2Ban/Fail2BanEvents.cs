namespace LogParsing.Fail2Ban;

/// <summary>An event that names a target: an address, or what fail2ban wrote in its place (a masked or non-IP ticket).</summary>
public abstract record Fail2BanTargetEvent : Fail2BanEvent
{
    /// <summary>The target exactly as written.</summary>
    public required string Target { get; init; }
}

/// <summary><c>[sshd] Ban 209.141.36.197</c> (fail2ban.actions).</summary>
public sealed record Fail2BanBan : Fail2BanTargetEvent;

/// <summary><c>[sshd] Restore Ban 192.0.2.4</c>: a ban restored from the database at start.</summary>
public sealed record Fail2BanRestoreBan : Fail2BanTargetEvent;

/// <summary><c>[sshd] Unban 192.0.2.4</c>, or <c>Repeal Ban</c> when the jail stops.</summary>
public sealed record Fail2BanUnban : Fail2BanTargetEvent
{
    /// <summary>True for <c>Repeal Ban</c>: the ban ended because the jail stopped, not because it expired.</summary>
    public bool Repealed { get; init; }
}

/// <summary><c>[sshd] Increase Ban 192.0.2.1 (3 # 1:00:00 -> 2020-01-23 04:29:58)</c> (fail2ban.observer, bantime.increment).</summary>
public sealed record Fail2BanIncreaseBan : Fail2BanTargetEvent
{
    /// <summary>How many times the target has been banned.</summary>
    public int BanCount { get; init; }

    /// <summary>The new ban time; null for <c>permanent</c> or when it could not be read.</summary>
    public TimeSpan? BanTime { get; init; }

    /// <summary>True when the ban time is <c>permanent</c>.</summary>
    public bool Permanent { get; init; }

    /// <summary>When the ban ends, as written (local time of the fail2ban host); null for <c>infinite</c>.</summary>
    public DateTime? Until { get; init; }
}

/// <summary><c>[sshd] 192.0.2.1 already banned</c>.</summary>
public sealed record Fail2BanAlreadyBanned : Fail2BanTargetEvent;

/// <summary><c>[sshd] Found 192.168.1.236 - 2019-07-07 17:57:23</c> (fail2ban.filter): a failure matched.</summary>
public sealed record Fail2BanFound : Fail2BanTargetEvent
{
    /// <summary>The time of the matched log line, as written (local time); null in fail2ban before 0.10.</summary>
    public DateTime? Time { get; init; }
}

/// <summary><c>[sshd] Ignore 192.0.2.1 by ip</c>: a match ignored by <c>ignoreip</c>, <c>ignorecommand</c>, <c>ignoreself</c>...</summary>
public sealed record Fail2BanIgnore : Fail2BanTargetEvent
{
    /// <summary>Why: <c>ip</c>, <c>command</c>, <c>dns</c>, <c>ignoreself rule</c>...</summary>
    public required string By { get; init; }
}

/// <summary><c>Jail 'sshd' started</c> (fail2ban.jail).</summary>
public sealed record Fail2BanJailStarted : Fail2BanEvent
{
    /// <summary>The jail's name.</summary>
    public required string Name { get; init; }
}

/// <summary><c>Jail 'sshd' stopped</c> (fail2ban.jail).</summary>
public sealed record Fail2BanJailStopped : Fail2BanEvent
{
    /// <summary>The jail's name.</summary>
    public required string Name { get; init; }
}

/// <summary><c>[sshd] Added logfile: '/var/log/auth.log' (pos = 97800, hash = ccb0...)</c> (fail2ban.filter).</summary>
public sealed record Fail2BanLogFileAdded : Fail2BanEvent
{
    /// <summary>The log file fail2ban watches.</summary>
    public required string Path { get; init; }

    /// <summary>The position it resumes from, when written.</summary>
    public long? FilePosition { get; init; }

    /// <summary>The hash of the file's first line, when written.</summary>
    public string? Hash { get; init; }
}

/// <summary><c>Starting Fail2ban v0.11.2</c> (fail2ban.server).</summary>
public sealed record Fail2BanStarting : Fail2BanEvent
{
    /// <summary>The version: <c>0.11.2</c>, <c>1.0.1.dev1</c>.</summary>
    public required string Version { get; init; }
}

/// <summary><c>Exiting Fail2ban</c> (fail2ban.server).</summary>
public sealed record Fail2BanExiting : Fail2BanEvent;

/// <summary><c>Connected to fail2ban persistent database '/var/lib/fail2ban/fail2ban.sqlite3'</c> (fail2ban.database).</summary>
public sealed record Fail2BanDatabaseConnected : Fail2BanEvent
{
    /// <summary>The database file.</summary>
    public required string Path { get; init; }
}

/// <summary>A record whose message no grammar knows; <see cref="LogEntry.Message"/> holds it.</summary>
public sealed record UnrecognizedFail2BanEvent : Fail2BanEvent;

/// <summary>A line that starts no record and follows none (a traceback at the very start of a file); <see cref="LogEntry.Message"/> holds it.</summary>
public sealed record MalformedFail2BanLine : Fail2BanEvent
{
    /// <summary>True when the line was longer than <see cref="LogReaderOptions.MaxLineLength"/> and was cut there.</summary>
    public bool Truncated { get; init; }
}
