using System.Globalization;
using System.Net;
using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Fail2Ban;

/// <summary>
/// fail2ban's log: <c>%(asctime)s %(name)-24s[%(process)d]: %(levelname)-7s %(message)s</c> and its older and syslog
/// generations (<c>fail2ban/helpers.py getVerbosityFormat</c>, <c>server/server.py</c>), and the messages of
/// <c>fail2ban.actions</c>, <c>fail2ban.filter</c>, <c>fail2ban.observer</c>, <c>fail2ban.jail</c>, <c>fail2ban.server</c>.
/// </summary>
public static class Fail2BanGrammar
{
    private static readonly UnrecognizedFail2BanEvent Unrecognized = new();

    /// <summary><c>fail2ban.actions        [448]: </c>, <c>fail2ban.actions[123]: </c>, <c>fail2ban.actions: </c>.</summary>
    public static readonly Parser<char, (string Logger, int? Pid)> LoggerTag = new LoggerTagParser();

    /// <summary><c>NOTICE  </c>, <c>INFO    </c>, <c>Level 39 </c>: the level column and its padding.</summary>
    public static readonly Parser<char, string> Level = new LevelParser();

    /// <summary><c>[sshd] </c> at the start of a message: the jail.</summary>
    public static readonly Parser<char, Maybe<string>> Jail =
        Literal("[").Then(Until("] ", intern: true)).Before(Literal("] ")).Maybe();

    /// <summary>A ban target: an address, or whatever fail2ban wrote in its place.</summary>
    public static readonly Parser<char, string> Target = WordUntil(" (");

    private static readonly Parser<char, string> TargetAtEnd = Target.Before(End);

    // "[%s] %sBan %s" (actions.py)
    private static readonly Parser<char, Fail2BanEvent> Ban =
        TargetAtEnd.Select(t => (Fail2BanEvent)new Fail2BanBan { Target = t, Address = AddressOf(t) });

    private static readonly Parser<char, Fail2BanEvent> RestoreBan =
        TargetAtEnd.Select(t => (Fail2BanEvent)new Fail2BanRestoreBan { Target = t, Address = AddressOf(t) });

    // "[%s] %s %s" with Unban or Repeal Ban
    private static readonly Parser<char, Fail2BanEvent> Unban =
        TargetAtEnd.Select(t => (Fail2BanEvent)new Fail2BanUnban { Target = t, Address = AddressOf(t) });

    private static readonly Parser<char, Fail2BanEvent> RepealBan =
        TargetAtEnd.Select(t => (Fail2BanEvent)new Fail2BanUnban { Target = t, Address = AddressOf(t), Repealed = true });

    // "[%s] Increase Ban %s (%d # %s -> %s)" (observer.py): count, ban time, end time
    private static readonly Parser<char, Fail2BanEvent> IncreaseBan =
        Parser.Map(
            (target, count, banTime, until) => (Fail2BanEvent)new Fail2BanIncreaseBan
            {
                Target = target, Address = AddressOf(target), BanCount = count,
                BanTime = DurationOf(banTime), Permanent = banTime == "permanent", Until = LocalTimeOf(until),
            },
            Target.Before(Literal(" ").Maybe()).Before(Literal("(")),
            Integer.Before(Literal(" # ")),
            Until(" -> ").Before(Literal(" -> ")),
            Until(")").Before(Literal(")")).Before(End));

    // "[%s] Found %s - %s" (filter.py; before 0.10 without the time)
    private static readonly Parser<char, Fail2BanEvent> Found =
        Parser.Map(
            (target, time) => (Fail2BanEvent)new Fail2BanFound
            {
                Target = target, Address = AddressOf(target), Time = time.HasValue ? LocalTimeOf(time.Value) : null,
            },
            Target, Literal(" - ").Then(Rest).Maybe().Before(End));

    // "[%s] Ignore %s by %s"
    private static readonly Parser<char, Fail2BanEvent> Ignore =
        Parser.Map(
            (target, by) => (Fail2BanEvent)new Fail2BanIgnore { Target = target, Address = AddressOf(target), By = by },
            Target, Literal(" by ").Then(Rest));

    // "Jail %r started" / "Jail %r stopped" (jail.py)
    private static readonly Parser<char, Fail2BanEvent> JailState =
        Parser.Map(
            (name, started) => started ? (Fail2BanEvent)new Fail2BanJailStarted { Name = name } : new Fail2BanJailStopped { Name = name },
            Until("' ", intern: true).Before(Literal("' ")),
            Switch(("started", End.ThenReturn(true)), ("stopped", End.ThenReturn(false))));

    // "Added logfile: %r (pos = %s, hash = %s)" (filter.py)
    private static readonly Parser<char, Fail2BanEvent> AddedLogfile =
        Parser.Map(
            (path, position, hash) => (Fail2BanEvent)new Fail2BanLogFileAdded
            {
                Path = path,
                FilePosition = position.HasValue && long.TryParse(position.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
                Hash = hash.HasValue ? hash.Value : null,
            },
            Literal("'").Then(Until("'")).Before(Literal("'")),
            Literal(" (pos = ").Then(Until(",")).Maybe(),
            Literal(", hash = ").Then(Until(")")).Before(Literal(")")).Maybe().Before(End));

    // "Starting Fail2ban v%s" (server.py)
    private static readonly Parser<char, Fail2BanEvent> Starting =
        Rest.Select(version => (Fail2BanEvent)new Fail2BanStarting { Version = version });

    private static readonly Parser<char, Fail2BanEvent> Exiting = End.ThenReturn((Fail2BanEvent)new Fail2BanExiting());

    // "Connected to fail2ban persistent database '%s'" (database.py)
    private static readonly Parser<char, Fail2BanEvent> DatabaseConnected =
        Until("'").Before(Literal("'")).Before(End).Select(path => (Fail2BanEvent)new Fail2BanDatabaseConnected { Path = path });

    // "[%s] %s already banned": the only message that does not start with its keyword
    private static readonly Parser<char, Fail2BanEvent> AlreadyBanned =
        Word.Before(Literal(" already banned")).Before(End)
            .Select(t => (Fail2BanEvent)new Fail2BanAlreadyBanned { Target = t, Address = AddressOf(t) });

    /// <summary>A message after its jail, dispatched on its leading words.</summary>
    public static readonly Parser<char, Fail2BanEvent> Event =
        Switch(
            ("Ban ", Ban),
            ("Restore Ban ", RestoreBan),
            ("Unban ", Unban),
            ("Repeal Ban ", RepealBan),
            ("Increase Ban ", IncreaseBan),
            ("Found ", Found),
            ("Ignore ", Ignore),
            ("Jail '", JailState),
            ("Added logfile: ", AddedLogfile),
            ("Starting Fail2ban v", Starting),
            ("Exiting Fail2ban", Exiting),
            ("Connected to fail2ban persistent database '", DatabaseConnected))
        .Otherwise(FirstOf(AlreadyBanned, Rest.ThenReturn((Fail2BanEvent)Unrecognized)));

    /// <summary>A whole message: the optional jail, then the event; with the message text itself.</summary>
    public static readonly Parser<char, (string Message, string? Jail, Fail2BanEvent Event)> Message =
        Parser.Map((jail, evt) => (jail.HasValue ? jail.Value : null, evt), Jail, Event)
            .MapWithInput((text, r) => (new string(text), r.Item1, r.evt));

    /// <summary>What follows the timestamp (or the syslog header of <c>fail2ban-server</c>): logger tag, level, message.</summary>
    public static readonly Parser<char, Fail2BanRecord> Record =
        Parser.Map(
            (tag, level, message) => new Fail2BanRecord(tag.Logger, tag.Pid, level, message.Jail, message.Message, message.Event),
            LoggerTag, Level, Message);

    /// <summary>A line of fail2ban.log (file target): <c>2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 1.2.3.4</c>.</summary>
    public static readonly Parser<char, (SyslogTimestamp Timestamp, Fail2BanRecord Record)> FileLine =
        Parser.Map((stamp, record) => (stamp, record), Syslog.Timestamp.Before(Scan.Spaces), Record);

    internal static Fail2BanLevel LevelOf(string name) => name switch
    {
        "CRITICAL" or "FATAL" => Fail2BanLevel.Critical,
        "ERROR" => Fail2BanLevel.Error,
        "WARNING" or "WARN" => Fail2BanLevel.Warning,
        "NOTICE" => Fail2BanLevel.Notice,
        "INFO" or "MSG" => Fail2BanLevel.Info,
        "DEBUG" or "TRACE" => Fail2BanLevel.Debug,
        "HEAVYDEBUG" or "HEAVY" => Fail2BanLevel.HeavyDebug,
        _ => LevelOfNumber(name),
    };

    // "Level 39" (Python's name for an unnamed level) and fail2ban's "#39-Lev.": by Python's thresholds.
    private static Fail2BanLevel LevelOfNumber(string name)
    {
        var digits = name.AsSpan().TrimStart("Level #").TrimEnd("-Lev.");
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Fail2BanLevel.Info;
        return n switch
        {
            >= 50 => Fail2BanLevel.Critical,
            >= 40 => Fail2BanLevel.Error,
            >= 30 => Fail2BanLevel.Warning,
            >= 25 => Fail2BanLevel.Notice,
            >= 11 => Fail2BanLevel.Info,
            >= 6 => Fail2BanLevel.Debug,
            _ => Fail2BanLevel.HeavyDebug,
        };
    }

    internal static IPAddress? AddressOf(string target) =>
        IPAddress.TryParse(target, out var address) && (target.Contains(':') || target.AsSpan().Count('.') == 3) ? address : null;

    private static DateTime? LocalTimeOf(string text)
    {
        if (SyslogTimestampParser.TryIso(text, out var ts) != text.Length || ts.Year is not { } year || ts.Day > DateTime.DaysInMonth(year, ts.Month)) return null;
        return new DateTime(year, ts.Month, ts.Day, ts.Hour, ts.Minute, ts.Second).AddTicks(ts.FractionTicks);
    }

    // Python's str(timedelta): "0:10:00", "1 day, 0:00:00", "2 days, 0:00:00"
    private static TimeSpan? DurationOf(string text)
    {
        var span = text.AsSpan();
        var days = 0;
        var comma = span.IndexOf(", ");
        if (comma >= 0)
        {
            var space = span.IndexOf(' ');
            if (!int.TryParse(span[..space], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 1_000_000) return null;
            span = span[(comma + 2)..];
        }
        return TimeSpan.TryParseExact(span, @"h\:mm\:ss", CultureInfo.InvariantCulture, out var time) ? TimeSpan.FromDays(days) + time : null;
    }
}
