using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The host field of a syslog header: a word that is not itself a program tag. A word ending in
/// <c>:</c> is the tag of a line written without a host, so this parser fails there without consuming; so does a
/// word in brackets (metalog's <c>[sshd]</c>) or angle brackets (a BSD priority).
/// </summary>
internal sealed class HostNameParser() : LeafParser<string>("host name", 256)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out string result)
    {
        var end = rest.IndexOf(' ');
        if (end <= 0 || rest[end - 1] == ':' || rest[0] == '[' || rest[0] == '<')
            return Fail(out result);
        result = StringPool.Shared.Get(rest[..end]);
        return end;
    }
}
