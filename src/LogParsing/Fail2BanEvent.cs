using System.Net;
using System.Text.Json.Serialization;

namespace LogParsing;

/// <summary>What a fail2ban log record says happened. Concrete events live in <c>LogParsing.Fail2Ban</c>: <c>Fail2BanBan</c>, <c>Fail2BanUnban</c>...</summary>
public abstract record Fail2BanEvent
{
    /// <summary>The address the record is about (banned, unbanned, found...), or null when it names none or names something that is not an address.</summary>
    [JsonConverter(typeof(IPAddressJsonConverter))]
    public virtual IPAddress? Address { get; init; }
}
