using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Pam;

/// <summary>
/// pam_unix's field list (<c>support.c</c>): <c>"logname=%s uid=%d euid=%d tty=%s ruser=%s rhost=%s %s%s"</c>, the last two
/// <c>" user="</c> and the name when PAM knows one, else nothing (so a line for an unknown user ends in the space after
/// <c>rhost=</c>, which the dispatch trims). Read by position, left to right: <c>rhost=</c> is set by the server before the
/// client-chosen <c>user=</c>, which is the rest of the line whatever it holds (<c>x rhost=6.6.6.6</c> is a user name
/// there, not a second host). Modules that write other lists (<c>pam_sss</c>'s) are read as <c>key=value</c> pairs, the
/// first of each key winning. Empty values are null.
/// </summary>
internal sealed class PamFieldsParser() : LeafParser<PamFields>("pam_unix fields")
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out PamFields result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out PamFields result)
    {
        if (!TryPositional(rest, out result) && !TryPairs(rest, out result))
            return Fail(out result);
        return rest.Length;
    }

    private static bool TryPositional(ReadOnlySpan<char> text, out PamFields result)
    {
        result = default;
        if (!Take(ref text, "logname=", " uid=", out var logname) || !Take(ref text, "uid=", " euid=", out var uid)
            || !Take(ref text, "euid=", " tty=", out var euid) || !Take(ref text, "tty=", " ruser=", out var tty)
            || !Take(ref text, "ruser=", " rhost=", out var ruser) || !text.StartsWith("rhost=", StringComparison.Ordinal))
            return false;
        text = text["rhost=".Length..];
        var space = text.IndexOf(' ');
        var rhost = space < 0 ? text : text[..space];
        var tail = space < 0 ? [] : text[space..].TrimStart(' ');
        ReadOnlySpan<char> user = default;
        if (!tail.IsEmpty)
        {
            if (!tail.StartsWith("user=", StringComparison.Ordinal)) return false;
            user = tail["user=".Length..];
        }
        result = new PamFields(Text(logname), Number(uid), Number(euid), Text(tty), Text(ruser), Text(rhost), Text(user));
        return true;
    }

    // "key=value ..." up to " next=": the value, and the text from the next key on.
    private static bool Take(ref ReadOnlySpan<char> text, string key, string next, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!text.StartsWith(key, StringComparison.Ordinal)) return false;
        var end = text.IndexOf(next, StringComparison.Ordinal);
        if (end < key.Length) return false;
        value = text[key.Length..end];
        text = text[(end + 1)..];
        return true;
    }

    private static bool TryPairs(ReadOnlySpan<char> text, out PamFields result)
    {
        ReadOnlySpan<char> logname = default, uid = default, euid = default, tty = default, ruser = default, rhost = default, user = default;
        var seen = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            var eq = word.IndexOf('=');
            if (eq <= 0) continue;
            var key = word[..eq];
            var value = word[(eq + 1)..];
            seen++;
            // The first of each key: a later one is in the client's user name.
            switch (key)
            {
                case "logname" when logname.IsEmpty: logname = value; break;
                case "uid" when uid.IsEmpty: uid = value; break;
                case "euid" when euid.IsEmpty: euid = value; break;
                case "tty" when tty.IsEmpty: tty = value; break;
                case "ruser" when ruser.IsEmpty: ruser = value; break;
                case "rhost" when rhost.IsEmpty: rhost = value; break;
                case "user" when user.IsEmpty: user = value; break;
            }
        }
        result = new PamFields(Text(logname), Number(uid), Number(euid), Text(tty), Text(ruser), Text(rhost), Text(user));
        return seen > 0;
    }

    private static string? Text(ReadOnlySpan<char> value) => value.IsEmpty ? null : StringPool.Shared.Get(value);

    private static int? Number(ReadOnlySpan<char> value) => AsciiNumber.TryParseInt32(value, out var n) ? n : null;
}

/// <summary>The fields of pam_unix's authentication lines, null where empty.</summary>
internal readonly record struct PamFields(string? Logname, int? Uid, int? Euid, string? Tty, string? Ruser, string? Rhost, string? User);
