namespace LogParsing.Auth.Pam;

/// <summary>
/// A line written by a PAM module inside any program: <c>pam_unix(cron:session): ...</c>, where
/// <see cref="Module"/> is <c>pam_unix</c>, <see cref="Service"/> is <c>cron</c> and <see cref="Type"/> is <c>session</c>.
/// </summary>
public abstract record PamEvent : AuthEvent
{
    /// <summary>The module: <c>pam_unix</c>, <c>pam_sss</c>, <c>pam_faillock</c>...</summary>
    public required string Module { get; init; }

    /// <summary>The PAM service: <c>sshd</c>, <c>cron</c>, <c>sudo</c>, <c>su</c>, <c>systemd-user</c>...</summary>
    public required string Service { get; init; }

    /// <summary>The management group: <c>auth</c>, <c>account</c>, <c>session</c>, <c>password</c>, <c>setcred</c>.</summary>
    public required string Type { get; init; }
}

/// <summary>
/// <c>pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)</c>, or before linux-pam 1.4
/// <c>session opened for user root by (uid=0)</c>.
/// </summary>
public sealed record PamSessionOpened : PamEvent
{
    /// <summary>The target user's uid, when the line gives it (linux-pam 1.4+).</summary>
    public int? Uid { get; init; }

    /// <summary>The login name of the caller, or null when the line leaves it empty (<c>by (uid=0)</c>).</summary>
    public string? By { get; init; }

    /// <summary>The caller's uid.</summary>
    public int? ByUid { get; init; }
}

/// <summary><c>pam_unix(cron:session): session closed for user root</c>.</summary>
public sealed record PamSessionClosed : PamEvent;

/// <summary>
/// <c>pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.113  user=rda</c>.
/// Empty fields are null. <see cref="AuthEvent.Remote"/> is <see cref="Rhost"/> when present.
/// </summary>
public sealed record PamAuthenticationFailure : PamEvent
{
    /// <summary>The login name (<c>logname=</c>).</summary>
    public string? Logname { get; init; }

    /// <summary>The real uid of the process (<c>uid=</c>).</summary>
    public int? Uid { get; init; }

    /// <summary>The effective uid (<c>euid=</c>).</summary>
    public int? Euid { get; init; }

    /// <summary>The terminal (<c>tty=</c>): <c>ssh</c>, <c>/dev/pts/0</c>.</summary>
    public string? Tty { get; init; }

    /// <summary>The requesting user (<c>ruser=</c>).</summary>
    public string? Ruser { get; init; }

    /// <summary>The remote host (<c>rhost=</c>).</summary>
    public string? Rhost { get; init; }

    /// <inheritdoc />
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>pam_unix(passwd:chauthtok): password changed for alice</c>: a password was changed through PAM (passwd, chpasswd, or any
/// program of the <c>password</c> group), for <see cref="AuthEvent.User"/>.
/// </summary>
public sealed record PamPasswordChanged : PamEvent;
