using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// What sshd's <c>auth_log</c> writes after its verb (<c>Failed </c>, <c>Accepted </c>, <c>Postponed </c>, <c>Partial </c>):
/// <c>"%s%s%s for %s%.100s from %.200s port %d ssh2%s%s"</c>, the method, <c>invalid user </c>, the user, the address, and
/// after <c>ssh2: </c> the key or certificate details. The user and the details are the client's (a name, a certificate's
/// key id), and both may hold <c> from H port N ssh2</c>: the address is the one occurrence that can end the line's fixed
/// middle, followed by nothing, by <c>: </c> details, or by the phase suffix. When two occurrences could, the line admits
/// two readings and no address is reported (<see cref="AuthResult.Ambiguous"/>).
/// </summary>
internal sealed class AuthResultParser() : LeafParser<AuthResultParser.AuthResult>("authentication result")
{
    private const string For = " for ";
    private const string From = " from ";
    private const string Port = " port ";
    private const string InvalidUser = "invalid user ";

    /// <summary>An <c>auth_log</c> line's fields; <see cref="Remote"/> is null when <see cref="Ambiguous"/>.</summary>
    internal readonly record struct AuthResult(
        string Method, bool InvalidUser, string User, RemoteEndpoint? Remote, bool Ambiguous, string? Protocol, string? Details, SshdPhase Phase);

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out AuthResult result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out AuthResult result)
    {
        var body = WithoutPhase(rest, out var phase);
        var forAt = body.IndexOf(For, StringComparison.Ordinal);
        if (forAt <= 0) return Fail(out result);
        var method = body[..forAt];
        var afterFor = body[(forAt + For.Length)..];
        var invalid = afterFor.StartsWith(InvalidUser, StringComparison.Ordinal);
        var userStart = invalid ? InvalidUser.Length : 0;

        // Every " from H port N[ ssh2]" that could end the fixed middle; the first two are enough to tell.
        Candidate first = default, second = default;
        var count = 0;
        for (var at = afterFor.IndexOf(From, StringComparison.Ordinal); at >= userStart && count < 2; )
        {
            if (TryCandidate(afterFor, at, out var candidate))
            {
                if (count++ == 0) first = candidate;
                else second = candidate;
            }
            var next = afterFor[(at + 1)..].IndexOf(From, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (count == 0) return Fail(out result);

        var user = StringPool.Shared.Get(afterFor[userStart..first.At]);
        var details = first.DetailsStart < 0 ? null : new string(afterFor[first.DetailsStart..]);
        var remote = count == 1 ? RemoteEndpointParser.Create(afterFor[first.HostStart..first.HostEnd], first.Port) : null;
        result = new AuthResult(StringPool.Shared.Get(method), invalid, user, remote, count > 1, first.Protocol, details, phase);
        return rest.Length;
    }

    // " from " at `at`, a host word, " port ", digits, then " ssh2"/" ssh1" or not, then the end or ": " and details.
    private static bool TryCandidate(ReadOnlySpan<char> text, int at, out Candidate candidate)
    {
        candidate = default;
        var hostStart = at + From.Length;
        var hostLength = text[hostStart..].IndexOf(' ');
        if (hostLength <= 0) return false;
        var i = hostStart + hostLength;
        if (!text[i..].StartsWith(Port, StringComparison.Ordinal)) return false;
        i += Port.Length;
        var digits = RemoteEndpointParser.ReadPort(text[i..], out var port);
        if (digits == 0) return false;
        i += digits;
        string? protocol = null;
        if (text[i..].StartsWith(" ssh2", StringComparison.Ordinal) || text[i..].StartsWith(" ssh1", StringComparison.Ordinal))
        {
            protocol = text[i + 4] == '2' ? "ssh2" : "ssh1";
            i += 5;
        }
        var detailsStart = -1;
        if (i < text.Length)
        {
            if (!text[i..].StartsWith(": ", StringComparison.Ordinal)) return false;
            detailsStart = i + 2;
        }
        candidate = new Candidate(at, hostStart, hostStart + hostLength, port, protocol, detailsStart);
        return true;
    }

    private static ReadOnlySpan<char> WithoutPhase(ReadOnlySpan<char> text, out SshdPhase phase)
    {
        if (text.EndsWith(SshdGrammar.PreauthSuffix, StringComparison.Ordinal))
        {
            phase = SshdPhase.Preauth;
            return text[..^SshdGrammar.PreauthSuffix.Length];
        }
        if (text.EndsWith(SshdGrammar.PostauthSuffix, StringComparison.Ordinal))
        {
            phase = SshdPhase.Postauth;
            return text[..^SshdGrammar.PostauthSuffix.Length];
        }
        phase = SshdPhase.None;
        return text;
    }

    private readonly record struct Candidate(int At, int HostStart, int HostEnd, int Port, string? Protocol, int DetailsStart);
}
