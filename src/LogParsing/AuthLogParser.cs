using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pidgin;
using LogParsing.Auth;
using LogParsing.Grammar;
using LogParsing.Json;

namespace LogParsing;

/// <summary>
/// Parses single auth log lines: the syslog header, then the message with the grammar that claims it: the program's
/// (<c>sshd</c>, <c>CRON</c>...), or a family's that reads the message whatever program wrote it (PAM modules'
/// <c>pam_unix(...)</c>, rsyslog's <c>message repeated N times: [...]</c>). Never throws on content.
/// </summary>
/// <example>
/// <code>
/// var entry = AuthLogParser.Default.Parse("May 31 07:07:22 nimbus sshd[52959]: Invalid user abc from 104.248.172.241 port 60580");
/// // entry.Event is SshdInvalidUser { User = "abc", Remote.Host = "104.248.172.241", Remote.Port = 60580 }
/// </code>
/// </example>
public sealed class AuthLogParser
{
    /// <summary>
    /// The grammars of this library: sshd (and <c>sshd-session</c>, <c>sshd-auth</c>), PAM, cron, sudo, su (and runuser),
    /// systemd-logind, polkitd, shadow-utils' account tools (useradd, usermod, userdel, groupadd, groupdel, passwd,
    /// chpasswd, chage, gpasswd), unix_chkpwd, and fail2ban's records when they go through syslog.
    /// </summary>
    public static AuthLogParser Default { get; } = new(new MessageDispatch(AuthFamilies.All, Claims(AuthFamilies.All)), []);

    private readonly MessageDispatch _dispatch;
    // Each family's envelope with where it stops, built once.
    private readonly Parser<char, (SyslogHeader Header, int End)>[] _headers;
    private readonly ImmutableArray<IJsonTypeInfoResolver> _addedJson;
    private JsonSerializerOptions? _jsonOptions;
    private IJsonTypeInfoResolver? _eventJson;

    private AuthLogParser(MessageDispatch dispatch, ImmutableArray<IJsonTypeInfoResolver> addedJson)
    {
        _dispatch = dispatch;
        _addedJson = addedJson;
        _headers = [.. dispatch.Headers.Select(h => Parser.Map((header, end) => (header, end), h, Parser<char>.CurrentOffset))];
    }

    /// <summary>
    /// The JSON metadata of every event these grammars make: the library's families' (source-generated) and what
    /// <see cref="WithProgram(string, Parser{char, AuthEvent}, IJsonTypeInfoResolver)"/> added. <see cref="AuthLogJson"/> writes with it.
    /// </summary>
    /// <remarks>Built on first use (two threads may both build it; the copies are equal): a read that renders no JSON builds no family's context.</remarks>
    // Added metadata first: a program added later may bring events of its own that replace a family's.
    public IJsonTypeInfoResolver EventJson => _eventJson ??= JsonTypeInfoResolver.Combine(
        [.. _addedJson, .. _dispatch.Families.Where(f => f.Json is not null).Select(f => f.Json!())]);

    /// <summary>The serializer options of <see cref="AuthLogJson"/> for these grammars, built once.</summary>
    internal JsonSerializerOptions JsonOptions => _jsonOptions ??= AuthLogJson.CreateSerializerOptions(EventJson);

    /// <summary>The programs with a grammar, by syslog tag.</summary>
    public IReadOnlyDictionary<string, Parser<char, AuthEvent>> Programs => _dispatch.Programs;

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
        return new AuthLogParser(new MessageDispatch(_dispatch.Families, _dispatch.Claims.SetItem(program, new ProgramClaim(program, body))), _addedJson);
    }

    /// <summary>
    /// As <see cref="WithProgram(string, Parser{char, AuthEvent})"/>, with the JSON metadata of the events
    /// <paramref name="body"/> makes (your <c>JsonSerializerContext</c>), so that <see cref="AuthLogJson"/> and
    /// <c>authlog --format ndjson</c> write their fields, trimmed or AOT-compiled alike.
    /// </summary>
    /// <example>
    /// <code>
    /// [JsonSerializable(typeof(OpenVpnAuthFailed))]
    /// partial class OpenVpnJson : JsonSerializerContext;
    ///
    /// var parser = AuthLogParser.Default.WithProgram("openvpn", OpenVpnGrammar.Body, OpenVpnJson.Default);
    /// </code>
    /// </example>
    /// <param name="program">The syslog tag, exactly as written (<c>openvpn</c>).</param>
    /// <param name="body">The grammar of its messages.</param>
    /// <param name="eventJson">The JSON metadata of its events.</param>
    public AuthLogParser WithProgram(string program, Parser<char, AuthEvent> body, IJsonTypeInfoResolver eventJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(eventJson);
        return new AuthLogParser(new MessageDispatch(_dispatch.Families, _dispatch.Claims.SetItem(program, new ProgramClaim(program, body))), _addedJson.Insert(0, eventJson));
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
    /// their own) with the same dispatch as a syslog line. Never throws on content.
    /// </summary>
    internal AuthEvent ParseMessage(string program, ReadOnlySpan<char> message, out int repeat) => _dispatch.Read(program, message, out _, out repeat);

    /// <summary>One line of a source: its stamp resolved by the source's <paramref name="resolver"/>, at <paramref name="position"/>.</summary>
    internal AuthLogEntry Parse(ReadOnlySpan<char> line, TimestampResolver resolver, LogPosition position, bool truncated)
    {
        // A stamp that names no real instant (Feb 30, a year past 9999) is no header: the line is malformed, its text kept.
        if (!truncated && TryReadHeader(line, out var header, out var start) && resolver.TryResolve(header.Timestamp, out var timestamp, out var inferred))
        {
            var message = line[start..];
            var evt = _dispatch.Read(header.Program, message, out var program, out var repeat);
            return new AuthLogEntry
            {
                Timestamp = timestamp,
                YearWasInferred = inferred,
                Host = header.Host,
                Program = program,
                ProcessId = header.ProcessId,
                Message = new string(message),
                Event = evt,
                Position = position,
                RepeatCount = repeat,
            };
        }
        return new AuthLogEntry
        {
            Program = string.Empty,
            Message = new string(line),
            Event = truncated ? new MalformedLine { Truncated = true } : new MalformedLine(),
            Position = position,
            Truncated = truncated,
        };
    }

    private bool TryReadHeader(ReadOnlySpan<char> line, out SyslogHeader header, out int start)
    {
        if (Syslog.TryReadHeader(line, out header, out start)) return true;
        foreach (var form in _headers)
        {
            var read = form.Parse(line, Quiet.Configuration);
            if (!read.Success) continue;
            (header, start) = read.Value;
            return true;
        }
        return false;
    }

    private static ImmutableDictionary<string, ProgramClaim> Claims(ImmutableArray<AuthFamily> families) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal,
            families.SelectMany(f => f.Programs).Select(p => new KeyValuePair<string, ProgramClaim>(p.Program, p)));

    /// <summary>
    /// <paramref name="entry"/>, the next line of a source after <paramref name="previous"/>: a summary of the previous
    /// message's repeats (<c>last message repeated 3 times</c>) becomes that message's event, counted 3 times. The readers
    /// call it; a line parsed on its own keeps its <see cref="Auth.Rsyslog.RepeatedMessage"/>.
    /// </summary>
    internal static AuthLogEntry AfterPrevious(AuthLogEntry entry, AuthLogEntry? previous) =>
        entry.Event is Auth.Rsyslog.RepeatedMessage { Count: var count } && previous is not null && previous.Event is not MalformedLine
            ? entry with { Event = previous.Event, RepeatCount = count }
            : entry;
}
