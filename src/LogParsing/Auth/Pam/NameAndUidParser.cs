using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Pam;

/// <summary>
/// A user as pam_unix writes it in session lines: <c>root(uid=0)</c>, <c>root</c>, or <c>(uid=0)</c> (no name),
/// up to <paramref name="stop"/> or the end.
/// </summary>
internal sealed class NameAndUidParser(string? stop) : LeafParser<(string? Name, int? Uid)>("user name")
{
    private const string UidOpen = "(uid=";

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out (string? Name, int? Uid) result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out (string? Name, int? Uid) result)
    {
        var end = stop is null ? -1 : rest.IndexOf(stop, StringComparison.Ordinal);
        if (end < 0)
        {
            if (stop is not null)
                return Fail(out result);
            end = rest.Length;
        }
        var text = rest[..end];
        int? uid = null;
        var open = text.LastIndexOf(UidOpen, StringComparison.Ordinal);
        if (open >= 0 && text[^1] == ')' && AsciiNumber.TryParseInt32(text[(open + UidOpen.Length)..^1], out var u))
        {
            uid = u;
            text = text[..open];
        }
        result = (text.IsEmpty ? null : StringPool.Shared.Get(text), uid);
        return end;
    }
}
