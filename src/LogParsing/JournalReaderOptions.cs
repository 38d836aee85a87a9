using System.Collections.Immutable;

namespace LogParsing;

/// <summary>
/// How <see cref="JournalReader"/> reads: the auth grammars, and for the <c>journalctl</c> child process its path,
/// start time and matches. The inherited year and zone settings apply to journalctl's text outputs (<c>short</c>,
/// <c>short-precise</c>) whose stamps have no year or offset; JSON stamps are exact. <see cref="LogReaderOptions.TimeZone"/>,
/// when set, is also the offset JSON stamps are given (default UTC).
/// </summary>
public sealed record JournalReaderOptions : LogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new JournalReaderOptions Default { get; } = new();

    /// <summary>The grammars: <see cref="AuthLogParser.Default"/>, or one extended with <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent})"/>.</summary>
    public AuthLogParser Parser { get; init; } = AuthLogParser.Default;

    /// <summary>
    /// The <c>journalctl</c> to run for <see cref="JournalReader.FollowAsync"/> and <see cref="JournalReader.ReadAsync(JournalReaderOptions?, CancellationToken)"/>:
    /// a name looked up on <c>PATH</c> (default <c>journalctl</c>) or a full path.
    /// </summary>
    public string JournalctlPath { get; init; } = "journalctl";

    /// <summary>
    /// For the <c>journalctl</c> child process: only entries at or after this time (<c>--since</c>, to the whole second,
    /// rounded down so nothing at that second is missed). Null: following starts with new entries (or the whole
    /// journal with <see cref="LogReaderOptions.FollowFromStart"/>), a one-shot read takes the whole journal. With a
    /// cursor to resume after (<see cref="LogReaderOptions.ResumeFrom"/>) journalctl takes only the cursor (it refuses
    /// both), and the reader drops the entries before this time itself.
    /// </summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// For the <c>journalctl</c> child process: journal matches passed as they are, such as <c>_COMM=sshd-session</c>,
    /// <c>_SYSTEMD_UNIT=ssh.service</c> or <c>SYSLOG_IDENTIFIER=sudo</c>. journalctl ORs matches on the same field and
    /// ANDs different fields; a <c>+</c> between matches ORs the groups. Empty (default): every entry.
    /// </summary>
    public ImmutableArray<string> Matches { get; init; } = [];
}
