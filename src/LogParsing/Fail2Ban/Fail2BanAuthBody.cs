using Pidgin;
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
}
