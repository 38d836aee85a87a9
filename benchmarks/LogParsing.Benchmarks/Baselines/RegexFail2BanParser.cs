using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace LogParsing.Benchmarks.Baselines;

/// <summary>
/// What users write for fail2ban.log: one <c>[GeneratedRegex]</c> for the records <see cref="Fail2BanBenchmarks"/>
/// generates (Found, Ban, Unban, Increase Ban), and the framework's parsers for the times. The same extraction as
/// <see cref="HandWrittenFail2BanParser"/>.
/// </summary>
public static partial class RegexFail2BanParser
{
    [GeneratedRegex(@"^(?<stamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?<logger>[^\s\[]+) *\[(?<pid>\d+)\]: (?<level>\S+) +(?<msg>(?:\[(?<jail>[^\]]+)\] )?(?<action>Found|Ban|Unban|Increase Ban) (?<target>\S+)(?: - (?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)| \((?<count>\d+) # (?<bantime>\d+:\d\d:\d\d) -> (?<until>[^)]+)\))?)$")]
    private static partial Regex Record();

    public static Fail2BanBaselineEntry? Parse(string line)
    {
        var x = Record().Match(line);
        if (!x.Success) return null;
        var target = x.Groups["target"].Value;
        return new Fail2BanBaselineEntry(
            DateTimeOffset.ParseExact(x.Groups["stamp"].ValueSpan, "yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            x.Groups["logger"].Value, int.Parse(x.Groups["pid"].ValueSpan, CultureInfo.InvariantCulture), x.Groups["level"].Value,
            x.Groups["jail"].Success ? x.Groups["jail"].Value : null, x.Groups["msg"].Value, x.Groups["action"].Value, target,
            IPAddress.TryParse(target, out var address) ? address : null,
            x.Groups["time"].Success ? LocalTime(x.Groups["time"]) : null,
            x.Groups["count"].Success ? int.Parse(x.Groups["count"].ValueSpan, CultureInfo.InvariantCulture) : null,
            x.Groups["bantime"].Success ? TimeSpan.ParseExact(x.Groups["bantime"].ValueSpan, @"h\:mm\:ss", CultureInfo.InvariantCulture) : null,
            x.Groups["until"].Success ? LocalTime(x.Groups["until"]) : null);
    }

    private static DateTime LocalTime(Group group) =>
        DateTime.ParseExact(group.ValueSpan, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
