using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pidgin;
using LogParsing.Auth.Cron;
using LogParsing.Auth.Logind;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Polkit;
using LogParsing.Auth.Rsyslog;
using LogParsing.Auth.Shadow;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Su;
using LogParsing.Auth.Sudo;
using LogParsing.Fail2Ban;
using LogParsing.Grammar;

namespace LogParsing;

/// <summary>
/// Parses single auth log lines: the syslog header, then the message with the grammar registered for the
/// line's program (<c>sshd</c>, <c>CRON</c>...). PAM module lines (<c>pam_unix(...)</c>) are read by the PAM
/// grammar and rsyslog's <c>message repeated N times: [...]</c> by the rsyslog grammar, whatever program wrote them.
/// Never throws on content.
/// </summary>
/// <example>
/// <code>
/// var entry = AuthLogParser.Default.Parse("May 31 07:07:22 nimbus sshd[52959]: Invalid user abc from 104.248.172.241 port 60580");
/// // entry.Event is SshdInvalidUser { User = "abc", Remote.Host = "104.248.172.241", Remote.Port = 60580 }
/// </code>
/// </example>
public sealed class AuthLogParser
{
    private static readonly UnrecognizedEvent Unrecognized = new();

    /// <summary>
    /// The grammars of this library: sshd (and <c>sshd-session</c>, <c>sshd-auth</c>), PAM, cron, sudo, su (and runuser),
    /// systemd-logind, polkitd, shadow-utils' account tools (useradd, usermod, userdel, groupadd, groupdel, passwd,
    /// chpasswd, chage, gpasswd), unix_chkpwd, and fail2ban's records when they go through syslog.
    /// </summary>
    public static AuthLogParser Default { get; } = new(ImmutableDictionary.CreateRange(StringComparer.Ordinal,
    [
        new KeyValuePair<string, Parser<char, AuthEvent>>("sshd", SshdGrammar.Body),
        new("sshd-session", SshdGrammar.Body),
        new("sshd-auth", SshdGrammar.Body),
        new("CRON", CronGrammar.Body),
        new("CROND", CronGrammar.Body),
        new("crond", CronGrammar.Body),
        new("cron", CronGrammar.Body),
        new("sudo", SudoGrammar.Body),
        new("su", SuGrammar.Body),
        new("runuser", SuGrammar.Body),
        new("systemd-logind", LogindGrammar.Body),
        new("polkitd", PolkitGrammar.Body),
        new("polkitd(authority=local)", PolkitGrammar.Body),
        new("useradd", ShadowGrammar.Body),
        new("usermod", ShadowGrammar.Body),
        new("userdel", ShadowGrammar.Body),
        new("groupadd", ShadowGrammar.Body),
        new("groupdel", ShadowGrammar.Body),
        new("passwd", ShadowGrammar.Body),
        new("chpasswd", ShadowGrammar.Body),
        new("chage", ShadowGrammar.Body),
        new("gpasswd", ShadowGrammar.Body),
        new("unix_chkpwd", PamGrammar.UnixChkpwdBody),
        new(string.Empty, RsyslogGrammar.Mark),
        // fail2ban through syslog or the journal: the logger as the tag, or the server printing its own format.
        new("fail2ban.actions", new Fail2BanAuthBody("fail2ban.actions")),
        new("fail2ban.filter", new Fail2BanAuthBody("fail2ban.filter")),
        new("fail2ban.observer", new Fail2BanAuthBody("fail2ban.observer")),
        new("fail2ban.jail", new Fail2BanAuthBody("fail2ban.jail")),
        new("fail2ban.server", new Fail2BanAuthBody("fail2ban.server")),
        new("fail2ban.database", new Fail2BanAuthBody("fail2ban.database")),
        new("fail2ban-server", new Fail2BanAuthBody("fail2ban-server")),
        new("fail2ban", new Fail2BanAuthBody("fail2ban")),
    ]));

    // The message parser of programs without a grammar: PAM and rsyslog prefixes still apply, else UnrecognizedEvent.
    private static readonly MessageParser NoProgramGrammar = new(null);

    private readonly ImmutableDictionary<string, Parser<char, AuthEvent>> _programs;
    private readonly LineParser _line;
    private readonly Dictionary<string, MessageParser> _messages;

    private AuthLogParser(ImmutableDictionary<string, Parser<char, AuthEvent>> programs)
    {
        _programs = programs;
        // The registry is looked up on every line: frozen for that, immutable for WithProgram.
        _line = new LineParser(programs.ToFrozenDictionary(StringComparer.Ordinal));
        // One message parser per registered program, built once, so a journal entry (program known, no header) costs
        // the same dictionary lookup as a syslog line. Read-only after construction, so safe to share across threads.
        _messages = new Dictionary<string, MessageParser>(programs.Count, StringComparer.Ordinal);
        foreach (var (program, body) in programs)
            _messages[program] = new MessageParser(body);
    }

    /// <summary>The programs with a grammar, by syslog tag.</summary>
    public IReadOnlyDictionary<string, Parser<char, AuthEvent>> Programs => _programs;

    /// <summary>
    /// A parser that reads <paramref name="program"/>'s messages with <paramref name="body"/> (replacing any grammar
    /// it had). The body sees the message after <c>program[pid]: </c>; when it fails, the entry is an
    /// <see cref="UnrecognizedEvent"/>.
    /// </summary>
    /// <param name="program">The syslog tag, exactly as written (<c>openvpn</c>).</param>
    /// <param name="body">The grammar of its messages.</param>
    public AuthLogParser WithProgram(string program, Parser<char, AuthEvent> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(body);
        return new AuthLogParser(_programs.SetItem(program, body));
    }

    /// <summary>
    /// Parses one line (without its newline). A line without a readable header gives a <see cref="MalformedLine"/>;
    /// the year of a classic stamp is inferred from the clock and its zone is local.
    /// </summary>
    /// <param name="line">The raw line.</param>
    public AuthLogEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(line.AsSpan(), TimestampResolver.Current, default, truncated: false);
    }

    /// <summary>Parses one line; false (and null) when it has no readable syslog header.</summary>
    /// <param name="line">The raw line.</param>
    /// <param name="entry">The entry, when the header parsed.</param>
    public bool TryParse(ReadOnlySpan<char> line, [NotNullWhen(true)] out AuthLogEntry? entry)
    {
        var parsed = Parse(line, TimestampResolver.Current, default, truncated: false);
        entry = parsed.Event is MalformedLine ? null : parsed;
        return entry is not null;
    }

    /// <summary>
    /// Reads a message whose envelope is already known (a journal entry: program, host, pid and time are fields of
    /// their own) with the same dispatch as a syslog line: PAM and rsyslog prefixes, then <paramref name="program"/>'s
    /// grammar, which must read the whole message; <see cref="UnrecognizedEvent"/> otherwise. Never throws on content.
    /// </summary>
    internal AuthEvent ParseMessage(string program, ReadOnlySpan<char> message)
    {
        var parser = _messages.GetValueOrDefault(program) ?? NoProgramGrammar;
        var result = parser.Parse(message, Speculation.Quiet);
        return result.Success ? result.Value : Unrecognized;
    }

    internal AuthLogEntry Parse(ReadOnlySpan<char> line, TimestampResolver resolver, LogPosition position, bool truncated)
    {
        if (!truncated)
        {
            // The line parser builds the entry itself, so Pidgin's per-parse Result holds one reference instead of the
            // header, message and event by value; the source's context hands it the resolver and position.
            var context = resolver.LineContext;
            context.Position = position;
            var result = _line.Parse(line, context);
            if (result.Success) return result.Value;
        }
        return new AuthLogEntry
        {
            Program = string.Empty,
            Message = new string(line),
            Event = truncated ? new MalformedLine { Truncated = true } : new MalformedLine(),
            Position = position,
        };
    }

    /// <summary>
    /// What a quiet line parse needs besides the text, passed as the parse's configuration (which the parse state carries
    /// to every parser): one per source, owned by its <see cref="TimestampResolver"/>, its position set for each line.
    /// </summary>
    internal sealed class LineContext(TimestampResolver resolver) : QuietConfiguration
    {
        public TimestampResolver Resolver { get; } = resolver;

        public LogPosition Position { get; set; }
    }

    /// <summary>
    /// The one dispatch from a message to its grammar, shared by syslog lines and journal entries: skips a Solaris
    /// message id, picks the PAM or rsyslog grammar by the message's prefix, else <paramref name="programBody"/>, and
    /// keeps the grammar's event only when it read the whole message. Consumes the whole message.
    /// </summary>
    private static AuthEvent ReadMessage(Parser<char, AuthEvent>? programBody, ref ParseState<char> state, ref PooledList<Expected<char>> expecteds)
    {
        var rest = state.LookAhead(int.MaxValue);
        var solarisId = SolarisMessageId(rest);
        if (solarisId > 0)
        {
            // Solaris "[ID 800047 auth.info] " before the message: kept in Message, skipped by the grammars.
            state.Advance(solarisId);
            rest = rest[solarisId..];
        }
        // PAM modules write under the program that loaded them: their grammar goes by the message, not the tag.
        var body = rest.StartsWith("pam_", StringComparison.Ordinal) ? PamGrammar.Body
            : rest.StartsWith("PAM ", StringComparison.Ordinal) ? PamGrammar.SystemBody
            : RsyslogGrammar.IsRepeatedMessage(rest) ? RsyslogGrammar.Body
            : programBody;
        var evt = (AuthEvent)Unrecognized;
        if (body is not null)
        {
            var mark = state.Bookmark();
            // A body must read the whole message: a partial match is a different message.
            if (body.TryParse(ref state, ref expecteds, out var parsed) && parsed is not null && !state.HasCurrent)
                evt = parsed;
            state.Rewind(mark);
            expecteds.Clear();
        }
        state.Advance(rest.Length);
        return evt;
    }

    private static int SolarisMessageId(ReadOnlySpan<char> message)
    {
        if (!message.StartsWith("[ID ", StringComparison.Ordinal)) return 0;
        var close = message.IndexOf("] ", StringComparison.Ordinal);
        return close < 0 ? 0 : close + 2;
    }

    /// <summary>Header, then the program's grammar on the rest; a body that fails becomes <see cref="UnrecognizedEvent"/>.</summary>
    private sealed class LineParser(FrozenDictionary<string, Parser<char, AuthEvent>> programs) : Parser<char, AuthLogEntry>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out AuthLogEntry result)
        {
            if (!Syslog.Header.TryParse(ref state, ref expecteds, out var header))
            {
                result = null!;
                return false;
            }
            var message = new string(state.LookAhead(int.MaxValue));
            var evt = ReadMessage(programs.GetValueOrDefault(header.Program), ref state, ref expecteds);
            var context = state.Configuration as LineContext;
            var resolver = context?.Resolver ?? TimestampResolver.Current;
            result = new AuthLogEntry
            {
                Timestamp = resolver.Resolve(header.Timestamp, out var inferred),
                YearWasInferred = inferred,
                Host = header.Host,
                Program = header.Program,
                ProcessId = header.ProcessId,
                Message = message,
                Event = evt,
                Position = context?.Position ?? default,
            };
            return true;
        }
    }

    /// <summary>A message alone, read with one program's grammar (null: a program without one); always succeeds.</summary>
    private sealed class MessageParser(Parser<char, AuthEvent>? programBody) : Parser<char, AuthEvent>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out AuthEvent result)
        {
            result = ReadMessage(programBody, ref state, ref expecteds);
            return true;
        }
    }
}
