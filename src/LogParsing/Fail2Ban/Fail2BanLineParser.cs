using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Fail2Ban;

/// <summary>
/// A line that starts a fail2ban record, in any of its generations: the file target
/// (<c>2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 1.2.3.4</c>), or through syslog,
/// where the tag is the logger (<c>fail2ban.actions[6605]: NOTICE ...</c>) or the server (<c>fail2ban-server[11524]: fail2ban.actions [11524]: ...</c>).
/// </summary>
internal sealed class Fail2BanLineParser : Parser<char, (SyslogTimestamp Timestamp, string? Host, Fail2BanRecord Record)>
{
    public static readonly Fail2BanLineParser Instance = new();

    /// <summary>The message of a syslog line whose tag is the logger itself: level, then message.</summary>
    public static readonly Parser<char, (string Level, (string Message, string? Jail, Fail2BanEvent Event) Message)> LevelAndMessage =
        Parser.Map((level, message) => (level, message), Fail2BanGrammar.Level, Fail2BanGrammar.Message);

    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds,
        out (SyslogTimestamp Timestamp, string? Host, Fail2BanRecord Record) result)
    {
        var mark = state.Bookmark();
        if (Fail2BanGrammar.FileLine.TryParse(ref state, ref expecteds, out var file))
        {
            state.DiscardBookmark(mark);
            result = (file.Timestamp, null, file.Record);
            return true;
        }
        state.Rewind(mark);
        mark = state.Bookmark();
        if (Syslog.Header.TryParse(ref state, ref expecteds, out var header) && TryBody(header, ref state, ref expecteds, out var record))
        {
            state.DiscardBookmark(mark);
            result = (header.Timestamp, header.Host, record);
            return true;
        }
        state.Rewind(mark);
        result = default;
        return false;
    }

    /// <summary>The message of a syslog line from fail2ban, by tag: the logger itself, or the server printing its own format.</summary>
    public static bool TryBody(SyslogHeader header, ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Fail2BanRecord record)
    {
        if (header.Program.StartsWith("fail2ban.", StringComparison.Ordinal))
        {
            if (LevelAndMessage.TryParse(ref state, ref expecteds, out var body))
            {
                record = new Fail2BanRecord(header.Program, header.ProcessId, body.Level, body.Message.Jail, body.Message.Message, body.Message.Event);
                return true;
            }
        }
        else if (Fail2BanGrammar.Record.TryParse(ref state, ref expecteds, out record))
        {
            return true;
        }
        record = default;
        return false;
    }
}
