using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// <c>"%s: %.100s"</c> after <c>Disconnecting </c> (packet.c <c>ssh_packet_disconnect</c>, OpenSSH 7.5+): the connection's
/// preamble (<c>invalid user X </c>, <c>authenticating user X </c>, <c>user X </c> or nothing), <c>H port N</c>, then the
/// reason. The user before and the reason after are both partly the client's (a name; the names in <c>Change of username
/// or service not allowed: (%s,%s) -&gt; (%s,%s)</c>), so the address is the one <c> H port N: </c> of the line; a line with
/// two admits two readings and reports none (<see cref="Reading.Ambiguous"/>).
/// </summary>
internal sealed class PreambleAndReasonParser() : LeafParser<PreambleAndReasonParser.Reading>("connection and reason")
{
    private const string Port = " port ";

    /// <summary>The preamble's user and its state, the address (null when ambiguous), and the reason.</summary>
    internal readonly record struct Reading(SshdUserState State, string? User, RemoteEndpoint? Remote, bool Ambiguous, string Reason, SshdPhase Phase);

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Reading result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out Reading result)
    {
        var body = SshdGrammar.WithoutPhaseSuffix(rest);
        var phase = SshdGrammar.PhaseOf(rest);
        int first = -1, firstEnd = -1, firstPort = 0, count = 0;
        for (var at = body.IndexOf(Port, StringComparison.Ordinal); at > 0 && count < 2; )
        {
            if (EndsAddress(body, at, out var end, out var port))
            {
                if (count++ == 0) (first, firstEnd, firstPort) = (at, end, port);
            }
            var next = body[(at + 1)..].IndexOf(Port, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (count == 0) return Fail(out result);
        var hostStart = body[..first].LastIndexOf(' ') + 1;
        var (state, user) = Preamble(body[..hostStart]);
        var remote = count == 1 ? RemoteEndpointParser.Create(body[hostStart..first], firstPort) : null;
        result = new Reading(state, user, remote, count > 1, StringPool.Shared.Get(body[(firstEnd + 2)..]), phase);
        return rest.Length;
    }

    // " port " at `at`, digits, then ": ": the end of an address.
    private static bool EndsAddress(ReadOnlySpan<char> body, int at, out int end, out int port)
    {
        var digits = RemoteEndpointParser.ReadPort(body[(at + Port.Length)..], out port);
        end = at + Port.Length + digits;
        return digits > 0 && body[end..].StartsWith(": ", StringComparison.Ordinal) && body[..at].LastIndexOf(' ') + 1 < at;
    }

    private static (SshdUserState State, string? User) Preamble(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return (SshdUserState.None, null);
        var name = text[..^1];
        return name.StartsWith("invalid user ", StringComparison.Ordinal) ? (SshdUserState.Invalid, StringPool.Shared.Get(name["invalid user ".Length..]))
            : name.StartsWith("authenticating user ", StringComparison.Ordinal) ? (SshdUserState.Authenticating, StringPool.Shared.Get(name["authenticating user ".Length..]))
            : name.StartsWith("user ", StringComparison.Ordinal) ? (SshdUserState.Authenticated, StringPool.Shared.Get(name["user ".Length..]))
            : (SshdUserState.None, StringPool.Shared.Get(name));
    }
}
