using System.Collections.Immutable;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>The tokens auth log messages are made of: remote endpoints, ports, key=value lists.</summary>
public static class Tokens
{
    /// <summary>
    /// A host (IPv4, IPv6, <c>::ffff:</c>-mapped, or a name) with an optional <c> port N</c>.
    /// Example: <c>104.248.172.241 port 60580</c>, <c>2001:db8::1 port 22</c>, <c>example.com</c>.
    /// </summary>
    public static readonly Parser<char, RemoteEndpoint> RemoteEndpoint = new RemoteEndpointParser();

    /// <summary><c>from H port N</c>, as in <c>Invalid user abc from 104.248.172.241 port 60580</c>.</summary>
    public static readonly Parser<char, RemoteEndpoint> FromRemote = Scan.Literal("from ").Then(RemoteEndpoint);

    /// <summary>A TCP port, 0 to 65535.</summary>
    public static readonly Parser<char, int> Port = Scan.Integer.Where(p => p <= 65535).Labelled("port");

    /// <summary>
    /// Space-separated <c>key=value</c> pairs, values possibly empty, in order.
    /// Example: <c>logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=rda</c>.
    /// </summary>
    public static readonly Parser<char, ImmutableArray<KeyValuePair<string, string>>> KeyValues = new KeyValuesParser();

    /// <summary>A double-quoted string without escapes; the quotes are not part of the result. Example: <c>"SSH-2.0-Go"</c>.</summary>
    public static readonly Parser<char, string> QuotedString =
        Scan.Literal("\"").Then(Scan.Until("\"", allowEmpty: true)).Before(Scan.Literal("\""));
}
