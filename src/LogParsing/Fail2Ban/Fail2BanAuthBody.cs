using System.Collections.Immutable;
using Pidgin;
using LogParsing.Auth;
using LogParsing.Grammar;

namespace LogParsing.Fail2Ban;

/// <summary>The auth-log grammar of fail2ban's tags (<c>fail2ban.actions</c>, <c>fail2ban-server</c>...): a <see cref="Fail2BanLogged"/>.</summary>
internal sealed class Fail2BanAuthBody(string program) : Parser<char, AuthEvent>
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out AuthEvent result)
    {
        var header = new SyslogHeader(default, null, program, null);
        if (!Fail2BanLineParser.TryBody(header, ref state, ref expecteds, out var record))
        {
            result = null!;
            return false;
        }
        var address = record.Event.Address;
        result = new Fail2BanLogged
        {
            Record = record,
            Remote = address is null ? null : new RemoteEndpoint(address.ToString(), address, null),
        };
        return true;
    }

    // fail2ban's loggers (server/*.py getLogger(__name__)), as syslog tags when logtarget = SYSLOG, and the server's own
    // tags when it prints its file format to syslog or the journal.
    private static readonly string[] Tags =
    [
        "fail2ban.actions", "fail2ban.action", "fail2ban.filter", "fail2ban.filtersystemd", "fail2ban.filterpyinotify",
        "fail2ban.filterpoll", "fail2ban.filtergamin", "fail2ban.observer", "fail2ban.jail", "fail2ban.jails",
        "fail2ban.server", "fail2ban.database", "fail2ban.transmitter", "fail2ban.asyncserver", "fail2ban.ipdns",
        "fail2ban.utils", "fail2ban.failmanager", "fail2ban.banmanager", "fail2ban.datedetector", "fail2ban.ticket",
        "fail2ban.comm", "fail2ban-server", "fail2ban",
    ];

    /// <summary>The fail2ban family's claims in an auth log: fail2ban's records when they go through syslog or the journal.</summary>
    internal static readonly AuthFamily Family = new("fail2ban")
    {
        Programs = [.. Tags.Select(tag => new ProgramClaim(tag, new Fail2BanAuthBody(tag)))],
        Json = () => Fail2BanJsonContext.Default,
    };
}
