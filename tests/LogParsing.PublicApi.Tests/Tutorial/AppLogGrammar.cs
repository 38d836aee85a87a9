using System.Collections.Immutable;
using System.Net;
using LogParsing.Grammar;
using Pidgin;
using static LogParsing.Grammar.Scan;

namespace Tutorial;

/// <summary>
/// The application's own log format, one event per line:
/// <c>2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4</c>.
/// Read it with <c>LogReader.ReadAsync(path, AppLogGrammar.Line)</c>.
/// </summary>
public static class AppLogGrammar
{
    /// <summary><c>2024-05-31 07:07:22.123</c>: the stamp has a year but no zone; the application writes UTC.</summary>
    public static readonly Parser<char, DateTimeOffset> Timestamp = Syslog.DatedTimestamp(TimeZoneInfo.Utc);

    /// <summary><c>[WARN]</c>: a switch on the bracketed word, labelled so that an error says <c>expected level</c>.</summary>
    public static readonly Parser<char, AppLevel> Level =
        Switch(
            ("[DEBUG]", Parser<char>.Return(AppLevel.Debug)),
            ("[INFO]", Parser<char>.Return(AppLevel.Info)),
            ("[WARN]", Parser<char>.Return(AppLevel.Warn)),
            ("[ERROR]", Parser<char>.Return(AppLevel.Error)))
        .Labelled("level");

    /// <summary>
    /// A whole line: stamp, level, message, then its <c>key=value</c> fields if any. The reader checks that nothing is
    /// left after them.
    /// </summary>
    public static readonly Parser<char, AppLogEvent> Line =
        Parser.Map(Create,
            Timestamp.Before(Space),
            Level.Before(Space),
            Tokens.TextBeforeKeyValues,
            Tokens.KeyValues.Optional());

    private static AppLogEvent Create(DateTimeOffset timestamp, AppLevel level, string message, Maybe<ImmutableArray<KeyValuePair<string, string>>> fields)
    {
        var pairs = fields.GetValueOrDefault([]);
        string? user = null;
        IPAddress? address = null;
        foreach (var (key, value) in pairs)
        {
            if (key == "user") user = value;
            else if (key == "ip" && IPAddress.TryParse(value, out var parsed)) address = parsed;
        }
        return new AppLogEvent { Timestamp = timestamp, Level = level, Message = message, Fields = pairs, User = user, Address = address };
    }
}
