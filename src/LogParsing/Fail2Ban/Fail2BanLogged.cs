namespace LogParsing.Fail2Ban;

/// <summary>
/// A fail2ban record that reached auth.log, syslog or the journal (<c>fail2ban.actions[6605]: NOTICE [sshd] Ban 192.0.2.1</c>,
/// <c>fail2ban-server[11524]: fail2ban.actions        [11524]: NOTICE  [sshd] Ban 192.0.2.2</c>): the auth event carrying it.
/// <see cref="AuthEvent.Remote"/> is the record's address.
/// </summary>
public sealed record Fail2BanLogged : AuthEvent
{
    /// <summary>The fail2ban record: logger, level, jail, message and event.</summary>
    public required Fail2BanRecord Record { get; init; }
}
