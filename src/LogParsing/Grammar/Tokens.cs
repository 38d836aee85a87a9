using System.Collections.Immutable;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The tokens log messages are made of: addresses, hosts, ports, remote endpoints, user names, bracketed and quoted
/// text, key=value lists. Leaves fail without consuming input, so they compose with any Pidgin combinator without <c>Try</c>.
/// </summary>
/// <example>
/// <code>
/// // "203.0.113.5:51234 [alice] Peer Connection Initiated with [AF_INET]203.0.113.5:51234"
/// static readonly Parser&lt;char, RemoteEndpoint&gt; Peer =
///     Parser.Map((address, port) =&gt; new RemoteEndpoint(address.ToString(), address, port),
///         Tokens.IPAddress.Before(Scan.Literal(":")), Tokens.Port);
/// static readonly Parser&lt;char, string&gt; CommonName = Tokens.Bracketed;
/// </code>
/// </example>
public static class Tokens
{
    /// <summary>
    /// A host (IPv4, IPv6, <c>::ffff:</c>-mapped, or a name) with an optional <c> port N</c>.
    /// Example: <c>104.248.172.241 port 60580</c>, <c>2001:db8::1 port 22</c>, <c>example.com</c>.
    /// </summary>
    public static readonly Parser<char, RemoteEndpoint> RemoteEndpoint = new RemoteEndpointParser();

    /// <summary><c>from H port N</c>, as in <c>Invalid user abc from 104.248.172.241 port 60580</c>.</summary>
    public static readonly Parser<char, RemoteEndpoint> FromRemote = Scan.Literal("from ").Then(RemoteEndpoint);

    /// <summary>A TCP port, 0 to 65535. Example: <c>60580</c> in <c>... port 60580</c> or <c>203.0.113.5:60580</c>.</summary>
    public static readonly Parser<char, int> Port = Scan.Integer.Where(p => p <= 65535).Labelled("port");

    /// <summary>
    /// Space-separated <c>key=value</c> pairs, values possibly empty, in order; leading spaces are skipped and it stops
    /// before the first word that is not a pair.
    /// Example: <c>logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=rda</c>, <c>user=bob ip=1.2.3.4</c>.
    /// </summary>
    public static readonly Parser<char, ImmutableArray<KeyValuePair<string, string>>> KeyValues = new KeyValuesParser();

    /// <summary>A double-quoted string without escapes; the quotes are not part of the result. Example: <c>"SSH-2.0-Go"</c>.</summary>
    public static readonly Parser<char, string> QuotedString =
        Scan.Literal("\"").Then(Scan.Until("\"", allowEmpty: true)).Before(Scan.Literal("\""));

    /// <summary>
    /// An IPv4 or IPv6 address, as a <see cref="System.Net.IPAddress"/>. IPv4 must be a dotted quad of decimal
    /// octets (<c>1234</c> is a name, not 0.0.4.210); IPv6 may be <c>::ffff:</c>-mapped, and a trailing <c>:port</c>
    /// is left for the next parser when only without it the text is an address.
    /// Example: <c>203.0.113.5</c> in <c>203.0.113.5:51234 TLS Auth Error</c>, <c>2001:db8::7</c>, <c>::ffff:203.0.113.5</c>.
    /// </summary>
    public static readonly Parser<char, System.Net.IPAddress> IPAddress = new IPAddressParser();

    /// <summary>
    /// A host as written, as a string: an IPv4 or IPv6 address (as <see cref="IPAddress"/> reads it), else a DNS name of
    /// letters, digits, <c>.</c>, <c>-</c> and <c>_</c>. Stops before <c>:port</c>, a space, a bracket or a comma.
    /// Example: <c>mail.example.com</c> in <c>connect from mail.example.com:25</c>, <c>2001:db8::1</c>.
    /// </summary>
    public static readonly Parser<char, string> Host = new HostParser();

    /// <summary>
    /// A user name: a non-empty run of characters up to a space or one of <c>[]()&lt;&gt;,;:'"</c>, so it stops before
    /// the punctuation logs put around names (<c>[alice]</c>, <c>(uid=0)</c>, <c>alice:</c>). Equal names share one string.
    /// For names that may contain spaces, anchor on what follows instead (<see cref="Scan.UntilLast"/>).
    /// Example: <c>alice</c> in <c>login failed for alice: bad password</c>, <c>guest-olyoaf</c>, <c>bob@example.com</c>.
    /// </summary>
    public static readonly Parser<char, string> UserName = Scan.WordUntil(" \t[]()<>,;:'\"", intern: true).Labelled("user name");

    /// <summary>
    /// Text in square brackets (possibly empty, no nesting); the brackets are not part of the result.
    /// Example: <c>alice</c> of <c>[alice] Peer Connection Initiated</c>, <c>WARN</c> of <c>[WARN]</c>, <c>AF_INET</c>.
    /// </summary>
    public static readonly Parser<char, string> Bracketed = new BracketedParser('[', ']', intern: false);

    /// <summary>
    /// Free text up to the first word that is a <c>key=value</c> pair (not consuming the spaces before it), or all the
    /// rest; possibly empty, never fails. Followed by <see cref="KeyValues"/>, it splits a message from its fields.
    /// Example: <c>login failed</c> of <c>login failed user=bob ip=1.2.3.4</c>.
    /// </summary>
    public static readonly Parser<char, string> TextBeforeKeyValues = new TextBeforeKeyValuesParser();
}
