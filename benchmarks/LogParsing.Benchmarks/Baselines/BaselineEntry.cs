namespace LogParsing.Benchmarks.Baselines;

/// <summary>What both baselines extract from a line: the same fields the library keeps (header, message, event).</summary>
/// <remarks><see cref="Unit"/> and <see cref="Severity"/> are set only for journal entries, as in <see cref="AuthLogEntry"/>.</remarks>
public sealed record BaselineEntry(
    DateTimeOffset Timestamp, string? Host, string Program, int? ProcessId, string Message, BaselineEvent Event,
    string? Unit = null, int? Severity = null)
{
    /// <summary>The library's event type name for the form read (<c>SshdInvalidUser</c>), or <c>Unrecognized</c>.</summary>
    public string Kind => Event.Kind;

    /// <summary>As <see cref="AuthEvent.User"/>.</summary>
    public string? User => Event.User;

    /// <summary>As <see cref="RemoteEndpoint.Host"/>.</summary>
    public string? RemoteHost => Event.RemoteHost;

    /// <summary>As <see cref="RemoteEndpoint.Port"/>.</summary>
    public int? Port => Event.Port;
}

/// <summary>
/// What a message says, as the baselines read it. The common fields are inline; the fields of one family are in a
/// <see cref="BaselineDetail"/>, allocated only for lines of that family, as the library allocates an event per form.
/// </summary>
public readonly record struct BaselineEvent(string Kind, string? User = null, string? RemoteHost = null, int? Port = null, BaselineDetail? Detail = null)
{
    /// <summary>A message no baseline form matches.</summary>
    public static BaselineEvent Unrecognized { get; } = new("Unrecognized");
}

/// <summary>
/// The fields of the PAM, cron, sudo and logind events the baselines read: PAM's module, service and type; cron's and
/// sudo's command; sudo's run-as user, terminal, directory and refusal reason; logind's session id.
/// </summary>
public sealed record BaselineDetail(
    string? Module = null, string? Service = null, string? Type = null, string? Command = null, string? RunAs = null,
    string? Tty = null, string? Pwd = null, string? Reason = null, string? SessionId = null);

/// <summary>The syslog envelope alone, as both baselines read it: the fields of <see cref="Grammar.SyslogHeader"/> for a classic stamp.</summary>
/// <param name="MessageStart">Where the message starts in the line (after <c>program[pid]: </c>).</param>
public readonly record struct BaselineHeader(int Month, int Day, int Hour, int Minute, int Second, string Host, string Program, int? ProcessId, int MessageStart);
