using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// The envelope almost every line has, read in one scan: a classic, RFC 3339 or epoch stamp, one host word, and a
/// <c>program[pid]: </c> or <c>program: </c> tag. Anything else (no host, RFC 5424, metalog, BSD priorities, busybox
/// facilities) makes it fail without consuming, and <see cref="Syslog.Header"/> reads the line with the general grammar.
/// </summary>
internal sealed class CommonHeaderParser() : LeafParser<SyslogHeader>("syslog header"), IFailsQuietly
{
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out SyslogHeader result)
    {
        var s = state.LookAhead(512);
        var i = SyslogTimestampParser.TryRead(s, out var stamp);
        if (i == 0 || i >= s.Length || s[i] != ' ')
            return Quiet(out result);
        while (i < s.Length && s[i] == ' ') i++;

        // Host: a word that is not a tag, a bracketed tag, a priority or busybox's facility.level (auth.info).
        var rest = s[i..];
        var hostEnd = rest.IndexOf(' ');
        if (hostEnd <= 0 || rest[hostEnd - 1] == ':' || rest[0] is '[' or '<' || FacilityLevelParser.IsFacilityLevel(rest[..hostEnd]))
            return Quiet(out result);
        var host = rest[..hostEnd];
        i += hostEnd + 1;

        // Tag: "program[pid]: " or "program: ".
        var tagLength = ProgramTagParser.ReadColonTag(s[i..], out var tag);
        if (tagLength == 0)
            return Quiet(out result);
        result = new SyslogHeader(stamp, StringPool.Shared.Get(host), tag.Program, tag.ProcessId);
        state.Advance(i + tagLength);
        return true;
    }

    // Always tried first with the general grammar behind it, which says what was expected when both fail.
    private static bool Quiet(out SyslogHeader result)
    {
        result = default;
        return false;
    }
}
