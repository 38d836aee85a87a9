using Pidgin;
using System.Diagnostics.CodeAnalysis;
using LogParsing.Fail2Ban;
using LogParsing.Grammar;

namespace LogParsing;

/// <summary>
/// Parses single lines of fail2ban's log, in any of its generations or through syslog, as <see cref="Fail2BanLogReader"/>
/// reads them, but alone: a line that starts no record (a traceback line) has no record before it to join. Never throws
/// on content.
/// </summary>
/// <example>
/// <code>
/// var entry = Fail2BanParser.Default.Parse("2021-05-30 00:51:39,363 fail2ban.actions        [448]: NOTICE  [sshd] Ban 209.141.36.197");
/// // entry.Jail is "sshd", entry.Event is Fail2BanBan { Target = "209.141.36.197" }
/// </code>
/// </example>
public sealed class Fail2BanParser
{
    private readonly LogReaderOptions _options;

    /// <summary>A parser that reads stamps in <paramref name="options"/>' zone and year (by default local time, the year from the clock).</summary>
    /// <param name="options">Zone and year of stamps that lack them; null for defaults.</param>
    public Fail2BanParser(LogReaderOptions? options = null) => _options = options ?? LogReaderOptions.Default;

    /// <summary>Local time, and the year of syslog stamps from the clock.</summary>
    public static Fail2BanParser Default { get; } = new();

    /// <summary>Parses one line (without its newline); a line that starts no record is a <see cref="MalformedFail2BanLine"/>.</summary>
    /// <param name="line">The raw line.</param>
    public Fail2BanEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return TryParse(line, Resolver(), default) ?? Malformed(line, default, truncated: false);
    }

    /// <summary>Parses one line; false (and null) when it starts no record.</summary>
    /// <param name="line">The raw line.</param>
    /// <param name="entry">The record, when the line starts one.</param>
    public bool TryParse(ReadOnlySpan<char> line, [NotNullWhen(true)] out Fail2BanEntry? entry)
    {
        entry = TryParse(line, Resolver(), default);
        return entry is not null;
    }

    private TimestampResolver Resolver() => TimestampResolver.For(_options, null);

    /// <summary>The record a line starts, its stamp resolved by the source's <paramref name="resolver"/>; null for a line that starts none.</summary>
    internal static Fail2BanEntry? TryParse(ReadOnlySpan<char> line, TimestampResolver resolver, LogPosition position)
    {
        var result = Fail2BanLineParser.Instance.Parse(line, Quiet.Configuration);
        if (!result.Success) return null;
        var (stamp, host, record) = result.Value;
        // A record whose stamp names no instant (2021-02-30) is a malformed line of its own, not a continuation.
        if (!resolver.TryResolve(stamp, out var timestamp, out var inferred)) return Malformed(line, position, truncated: false);
        return new Fail2BanEntry
        {
            Timestamp = timestamp,
            YearWasInferred = inferred,
            Host = host,
            Logger = record.Logger,
            ProcessId = record.ProcessId,
            Level = record.Level,
            LevelName = record.LevelName,
            Jail = record.Jail,
            Message = record.Message,
            Event = record.Event,
            Position = position,
        };
    }

    /// <summary>A line that starts no record and follows none: kept whole.</summary>
    internal static Fail2BanEntry Malformed(ReadOnlySpan<char> line, LogPosition position, bool truncated) => new()
    {
        Logger = string.Empty,
        Message = new string(line),
        Event = new MalformedFail2BanLine { Truncated = truncated },
        Position = position,
        Truncated = truncated,
    };
}
