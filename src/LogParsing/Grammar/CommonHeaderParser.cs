using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The envelope almost every line has, read in one scan: a classic, RFC 3339 or epoch stamp, one host word, and a
/// <c>program[pid]: </c> or <c>program: </c> tag. Anything else (no host, RFC 5424, metalog, BSD priorities, busybox
/// facilities) makes it fail without consuming or recording, and <see cref="Syslog.Header"/> reads the line with the
/// general grammar, which says what was expected when both fail.
/// </summary>
internal sealed class CommonHeaderParser : Parser<char, SyslogHeader>
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out SyslogHeader result)
    {
        var length = TryRead(state.LookAhead(512), out result);
        if (length == 0) return false;
        state.Advance(length);
        return true;
    }

    /// <summary>The common envelope at the start of <paramref name="s"/>: the characters it takes, or 0 when the line has another.</summary>
    public static int TryRead(ReadOnlySpan<char> s, out SyslogHeader result)
    {
        result = default;
        var i = SyslogTimestampParser.TryRead(s, out var stamp);
        if (i == 0 || i >= s.Length || s[i] != ' ')
            return 0;
        while (i < s.Length && s[i] == ' ') i++;

        // Host: a word that is not a tag, a bracketed tag, a priority or busybox's facility.level (auth.info).
        var rest = s[i..];
        var hostEnd = rest.IndexOf(' ');
        if (hostEnd <= 0 || rest[hostEnd - 1] == ':' || rest[0] is '[' or '<' || FacilityLevelParser.IsFacilityLevel(rest[..hostEnd]))
            return 0;
        var host = rest[..hostEnd];
        i += hostEnd + 1;

        // Tag: "program[pid]: " or "program: ".
        var tagLength = ProgramTagParser.ReadColonTag(s[i..], out var tag);
        if (tagLength == 0)
            return 0;
        result = new SyslogHeader(stamp, StringPool.Shared.Get(host), tag.Program, tag.ProcessId);
        return i + tagLength;
    }
}
