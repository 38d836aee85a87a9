using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// The user name of a connection preamble (<c>invalid user abc 104.248.172.241 port 60580</c>): everything
/// before the last <c> H port N</c>. Names may be empty (<c>invalid user  192.0.2.68 port 34916</c>) or hold spaces.
/// </summary>
internal sealed class UserBeforeEndpointParser() : LeafParser<string>("user name before the remote host")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var port = rest.LastIndexOf(" port ", StringComparison.Ordinal);
        var beforeHost = port < 0 ? SshdGrammar.WithoutPhaseSuffix(rest) : rest[..port];
        var space = beforeHost.LastIndexOf(' ');
        if (space < 0)
            return Fail(out result);
        result = space == 0 ? string.Empty : StringPool.Shared.Get(rest[..space]);
        return space + 1;
    }
}
