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

    /// <summary>Success: a session was opened (counting logins is <see cref="Analysis.AttemptCounting"/>'s job).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
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

    /// <summary>
    /// Failure, under every program: an authentication failed. Under sshd the same attempt also has sshd's own
    /// <c>Failed password</c> line; <see cref="Analysis.AttemptCounting"/> counts it once.
    /// </summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>pam_sss(sshd:auth): authentication success; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1 user=alice</c>.</summary>
public sealed record PamAuthenticationSuccess : PamEvent
{
    /// <summary>The remote host (<c>rhost=</c>), or null.</summary>
    public string? Rhost { get; init; }

    /// <summary>The terminal (<c>tty=</c>), or null.</summary>
    public string? Tty { get; init; }

    /// <summary>Success, under every program (under sshd, <see cref="Analysis.AttemptCounting"/> counts sshd's <c>Accepted</c> line instead).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// <c>pam_unix(sshd:auth): check pass; user unknown</c>, or pam_faillock's <c>User unknown</c> / <c>User unknown: %s</c>
/// (linux-pam 1.4+): the name does not exist. Failure; the attempt's own failure line follows, and is the one counted.
/// </summary>
public sealed record PamUserUnknown : PamEvent
{
    /// <summary>Failure: an authentication with a name that does not exist.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>pam_unix(passwd:chauthtok): password changed for alice</c>.</summary>
public sealed record PamPasswordChanged : PamEvent
{
    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary><c>pam_succeed_if(sshd:auth): requirement "uid &gt;= 1000" not met by user "root"</c>.</summary>
public sealed record PamRequirementNotMet : PamEvent
{
    /// <summary>The requirement: <c>uid &gt;= 1000</c>.</summary>
    public required string Requirement { get; init; }

    /// <summary>Failure: the module refused the user.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>PAM 4 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=202.109.143.106  user=root</c>: written when a
/// PAM conversation ends, summing failures already logged one by one (so None, not Failure).
/// </summary>
public sealed record PamMoreFailures : AuthEvent
{
    /// <summary>How many more failures.</summary>
    public int Count { get; init; }

    /// <summary>The remote host (<c>rhost=</c>), or null.</summary>
    public string? Rhost { get; init; }

    /// <summary>The terminal (<c>tty=</c>), or null.</summary>
    public string? Tty { get; init; }

    /// <summary>Failure: more authentications failed (they were logged one by one too; counted there).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>PAM service(sshd) ignoring max retries; 5 &gt; 3</c>.</summary>
public sealed record PamIgnoringMaxRetries : AuthEvent
{
    /// <summary>The PAM service.</summary>
    public required string Service { get; init; }

    /// <summary>The attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>The maximum.</summary>
    public int Maximum { get; init; }
}

/// <summary><c>unix_chkpwd[2681]: password check failed for user (wax)</c>: pam_unix's helper refused a password (the pam_unix line of the same attempt counts it).</summary>
public sealed record PamPasswordCheckFailed : AuthEvent
{
    /// <summary>Failure: a password was refused.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>pam_unix(cron:account): account root has expired (account expired)</c> (linux-pam <c>pam_unix_acct.c</c>): the
/// account is past its expiry date (<c>chage -E</c>), or past its inactivity period after a password expired.
/// </summary>
public sealed record PamAccountExpired : PamEvent
{
    /// <summary>What pam_unix said in parentheses: <c>account expired</c>, <c>failed to change password</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Failure: PAM refused the account (a login, a cron job, a sudo).</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>pam_unix(sshd:account): expired password for user alice (password aged)</c>: the password must be changed first.</summary>
public sealed record PamPasswordExpired : PamEvent
{
    /// <summary>What pam_unix said in parentheses: <c>password aged</c>, <c>root enforced</c>, <c>admin enforced</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary><c>pam_unix(sshd:account): password for user alice will expire in 5 days</c>.</summary>
public sealed record PamPasswordExpiring : PamEvent
{
    /// <summary>Days until the password expires.</summary>
    public int Days { get; init; }
}

/// <summary>
/// pam_faillock's <c>Consecutive login failures for user %s account temporarily locked</c> (linux-pam 1.4+, a Red Hat
/// patch in RHEL 6/7), or pam_tally2's <c>user %s (%lu) tally %hu, deny %hu</c> (linux-pam 1.0 to 1.4): the account has
/// failed too often and is refused for a while.
/// </summary>
public sealed record PamAccountLocked : PamEvent
{
    /// <summary>The account's uid, when the line gives it (pam_tally2).</summary>
    public int? Uid { get; init; }

    /// <summary>The failures counted (pam_tally2's tally), or null.</summary>
    public int? Tally { get; init; }

    /// <summary>The limit (pam_tally2's deny), or null.</summary>
    public int? Deny { get; init; }

    /// <summary>Failure: the login was refused.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// A module refused access: pam_securetty's <c>access denied: tty '%s' is not secure !</c> (also under the 0.7x tag
/// <c>PAM-securetty</c>), pam_access's <c>access denied for user `%s' from `%s'</c>, pam_listfile's
/// <c>Refused user %s for service %s</c>, pam_limits' <c>Too many logins (max %d) for %s</c>.
/// </summary>
public sealed record PamAccessDenied : PamEvent
{
    /// <summary>The module's words: <c>tty is not secure</c>, <c>access denied</c>, <c>refused by list</c>, <c>too many logins</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The terminal refused (pam_securetty), or null.</summary>
    public string? Tty { get; init; }

    /// <summary>Where from, as pam_access writes it (the remote host, else the tty, else the service), or null.</summary>
    public string? From { get; init; }

    /// <summary>Failure: the login was refused.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>pam_unix(sshd:auth): bad username [-x]</c> (pam_unix_auth.c: a name starting with <c>-</c> or <c>+</c>; before 1.0
/// any name not starting with a letter or digit): refused before any password check.
/// </summary>
public sealed record PamBadUsername : PamEvent
{
    /// <summary>Failure: an authentication refused.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// pam_systemd's <c>Failed to create session: %s</c>, <c>Cannot create session: %s</c> (older, debug) and
/// <c>Failed to release session: %s</c>: logind could not track a session (<c>Already running in a session or user slice</c>
/// for a sudo inside a session). The login itself went on: None.
/// </summary>
public sealed record PamSystemdSessionError : PamEvent
{
    /// <summary>What failed: <c>Failed to create session</c>, <c>Cannot create session</c>, <c>Failed to release session</c>.</summary>
    public required string Action { get; init; }

    /// <summary>logind's reason.</summary>
    public required string Reason { get; init; }
}

/// <summary><c>pam_env(sshd:session): Unable to open env file: /etc/default/locale: No such file or directory</c>: harmless (PAM_IGNORE).</summary>
public sealed record PamEnvFileError : PamEvent
{
    /// <summary>The file and the system's error, as written.</summary>
    public required string Detail { get; init; }
}

/// <summary>
/// <c>pam_unix(sshd:account): account alice has password changed in future</c> (pam_unix_acct.c, also under unix_chkpwd's
/// own tag): the last change is dated after now, typical of a device without a clock. None.
/// </summary>
public sealed record PamPasswordChangedInFuture : PamEvent;
