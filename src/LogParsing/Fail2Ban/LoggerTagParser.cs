using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Fail2Ban;

/// <summary>
/// <c>fail2ban.actions        [448]: </c> in every generation of fail2ban's format: padded with spaces, or not at all
/// (<c>fail2ban.filterpyinotify[7990]: </c>, a 24-character name), truncated (<c>fail2ban.filterpyinotif [9578]: </c>),
/// or without a pid (<c>fail2ban.actions: </c>, 0.8.11 and before). Consumes the colon and the one space after it.
/// </summary>
internal sealed class LoggerTagParser() : LeafParser<(string Logger, int? Pid)>("fail2ban logger", 128)
{
    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out (string Logger, int? Pid) result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out (string Logger, int? Pid) result)
    {
        var end = rest.IndexOfAny(" [:");
        if (end <= 0 || !rest.StartsWith("fail2ban", StringComparison.Ordinal))
            return Fail(out result);
        var logger = rest[..end];
        var i = end;
        while (i < rest.Length && rest[i] == ' ') i++;
        int? pid = null;
        if (i < rest.Length && rest[i] == '[')
        {
            var close = rest[i..].IndexOf(']');
            if (close < 0 || !AsciiNumber.TryParseInt32(rest.Slice(i + 1, close - 1), out var p))
                return Fail(out result);
            pid = p;
            i += close + 1;
        }
        if (i >= rest.Length || rest[i] != ':')
            return Fail(out result);
        i++;
        if (i < rest.Length && rest[i] == ' ') i++;
        result = (StringPool.Shared.Get(logger), pid);
        return i;
    }
}
