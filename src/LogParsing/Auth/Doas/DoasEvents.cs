namespace LogParsing.Auth.Doas;

/// <summary><c>failed auth for alice</c>: doas asked <see cref="AuthEvent.User"/> (the invoking user) for a password and it was wrong, or PAM refused the account.</summary>
public sealed record DoasAuthenticationFailed : AuthEvent
{
    /// <summary>Failure: <c>failed auth for alice</c> is a failed authentication.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>command not permitted for alice: rm -rf /tmp/x</c> (doas 2016-04 on, OpenDoas), <c>failed command for alice: rm -rf /tmp/x</c>
/// (earlier doas): no rule of doas.conf lets <see cref="AuthEvent.User"/> run the command.
/// </summary>
public sealed record DoasCommandRefused : AuthEvent
{
    /// <summary>The command line as doas joined it (arguments separated by single spaces): <c>rm -rf /tmp/x</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Failure: <c>command not permitted for alice: rm -rf /tmp/x</c> is a refused command.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary><c>tty required for alice</c>: the rule needs a password and doas had no terminal to ask it on, so it refused.</summary>
public sealed record DoasTtyRequired : AuthEvent
{
    /// <summary>Failure: <c>tty required for alice</c> refuses the command without authenticating.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}

/// <summary>
/// <c>alice ran command apt update as root from /home/alice</c>: <see cref="AuthEvent.User"/> ran <see cref="Command"/> as
/// <see cref="Target"/> in <see cref="Cwd"/> (not written for rules with <c>nolog</c>).
/// </summary>
public sealed record DoasCommand : AuthEvent
{
    /// <summary>The command line as doas joined it: <c>apt update</c> in <c>alice ran command apt update as root from /home/alice</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The user the command ran as: <c>root</c> in <c>... as root from /home/alice</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The working directory: <c>/home/alice</c>; null when doas wrote <c>(failed)</c> (<c>getcwd</c> failed).</summary>
    public string? Cwd { get; init; }

    /// <summary>
    /// True when <see cref="Command"/> itself holds <c> as NAME from </c>, as in
    /// <c>alice ran command echo as root from x as alice from /tmp</c>: doas writes the command and the directory unquoted, so the line
    /// splits another way too (read with the last <c> as </c>; a directory named <c>x as root from /</c> could forge <see cref="Target"/>).
    /// </summary>
    public bool Ambiguous { get; init; }

    /// <summary>Success: <c>alice ran command apt update as root from /home/alice</c> is an authorised command run.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}
