namespace LogParsing.Auth.Sudo;

/// <summary>
/// A command sudo ran or refused: <c>   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /var/log/auth.log</c>
/// (<see cref="AuthEvent.User"/> is the invoking user, without sudo's right-alignment), or with a leading reason
/// when sudo refused it: <c>tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls</c>.
/// Fields the line lacks (no <c>TTY=</c> without a terminal, <c>GROUP=</c> only with <c>-g</c>) are null.
/// </summary>
public sealed record SudoCommand : AuthEvent
{
    /// <summary>Why sudo refused or flagged the command (<c>user NOT in sudoers</c>, <c>3 incorrect password attempts</c>...), or null for a command it ran.</summary>
    public string? Reason { get; init; }

    /// <summary>The error text sudo appended to <see cref="Reason"/> after <c> : </c> (an alert's <c>strerror</c>), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The <c>N</c> of <c>N incorrect password attempt(s)</c>, or null when <see cref="Reason"/> is something else.</summary>
    public int? IncorrectPasswordAttempts { get; init; }

    /// <summary>The host the command was submitted from (<c>HOST=</c>, when sudoers logs it), or null.</summary>
    public string? Host { get; init; }

    /// <summary>The terminal, without <c>/dev/</c> (<c>TTY=pts/0</c>), or null when sudo ran without one.</summary>
    public string? Tty { get; init; }

    /// <summary>The root directory the command ran in (<c>CHROOT=</c>), or null.</summary>
    public string? Chroot { get; init; }

    /// <summary>The working directory (<c>PWD=</c>, or <c>CWD=</c> in sudoreplay's format).</summary>
    public string? Pwd { get; init; }

    /// <summary>The user the command runs as (<c>USER=</c>): <c>root</c> unless <c>-u</c> said otherwise.</summary>
    public string? RunAs { get; init; }

    /// <summary>The group the command runs as (<c>GROUP=</c>, with <c>-g</c>), or null.</summary>
    public string? Group { get; init; }

    /// <summary>The I/O log session id (<c>TSID=</c>, with <c>log_input</c>/<c>log_output</c>), or null.</summary>
    public string? Tsid { get; init; }

    /// <summary>The variables set on the command line (<c>ENV=A=1 B=2</c>), as written, or null.</summary>
    public string? Env { get; init; }

    /// <summary>
    /// The command and its arguments (<c>COMMAND=</c>), to the end of the line: it may contain <c> ; </c>. Arguments with
    /// spaces are single-quoted by sudo. Exit events (<c>log_exit_status</c>) keep their <c> ; EXIT=N</c> here.
    /// </summary>
    public required string Command { get; init; }

    /// <summary>
    /// Failure when sudo refused the command (<c>user NOT in sudoers</c>, <c>user NOT authorized on host</c>,
    /// <c>command not allowed</c>, <c>a password is required</c>, <c>N incorrect password attempt(s)</c>); None for a
    /// command it ran (running a command is not a login) and for other reasons (alerts such as <c>problem with defaults entries</c>).
    /// </summary>
    public override AuthOutcome Outcome => Reason is null ? AuthOutcome.None
        : IncorrectPasswordAttempts is not null || SudoGrammar.IsRefusal(Reason) ? AuthOutcome.Failure
        : AuthOutcome.None;
}

/// <summary>
/// The rest of a sudo line too long for one syslog message: <c>   alice : (command continued) --verbose /var/tmp/x</c>
/// (sudo splits at <c>syslog_maxlen</c>, 980 by default, on a space).
/// </summary>
public sealed record SudoCommandContinued : AuthEvent
{
    /// <summary>The continued text, appended to the previous line's <see cref="SudoCommand.Command"/> (or reason) after a space.</summary>
    public required string Text { get; init; }
}
