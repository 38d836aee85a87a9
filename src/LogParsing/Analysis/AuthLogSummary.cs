using System.Collections.Immutable;

namespace LogParsing.Analysis;

/// <summary>
/// What a set of auth log entries says, as the questions people ask of it: which hosts knock, which names
/// they try, who got in. Built with <see cref="AuthLogSummaryBuilder"/> or <see cref="SummarizeAsync"/>.
/// </summary>
/// <remarks>
/// A <em>failure</em> is an entry whose event has <see cref="AuthOutcome.Failure"/>; one break-in attempt often
/// writes several (<c>Invalid user</c>, then <c>Disconnected from invalid user</c>). An <em>attempt</em> counts a
/// connection once: failures of the same program, pid and remote host are one attempt.
/// </remarks>
public sealed record AuthLogSummary
{
    /// <summary>The earliest timestamp of a parsed line, or null when there was none.</summary>
    public DateTimeOffset? First { get; init; }

    /// <summary>The latest timestamp of a parsed line, or null when there was none.</summary>
    public DateTimeOffset? Last { get; init; }

    /// <summary>Entries read (one per non-empty line).</summary>
    public long Lines { get; init; }

    /// <summary>Entries without a readable header.</summary>
    public long Malformed { get; init; }

    /// <summary>Entries whose header parsed but whose message no grammar knows.</summary>
    public long Unrecognized { get; init; }

    /// <summary>Entries with <see cref="AuthOutcome.Failure"/>.</summary>
    public long Failures { get; init; }

    /// <summary>Entries with <see cref="AuthOutcome.Success"/>.</summary>
    public long Successes { get; init; }

    /// <summary>Entries per event type name (<c>SshdInvalidUser</c>...), most frequent first.</summary>
    public ImmutableArray<KeyValuePair<string, long>> EventCounts { get; init; } = [];

    /// <summary>Failures per hour (start of the hour, in the entries' own offset), in time order.</summary>
    public ImmutableArray<KeyValuePair<DateTimeOffset, long>> FailuresPerHour { get; init; } = [];

    /// <summary>Remote hosts with at least one failure, most failures first.</summary>
    public ImmutableArray<HostActivity> Hosts { get; init; } = [];

    /// <summary>User names seen in failures, by attempts (connections), most first.</summary>
    public ImmutableArray<KeyValuePair<string, long>> UsersTried { get; init; } = [];

    /// <summary>Successful logins, in order.</summary>
    public ImmutableArray<AcceptedLogin> Accepted { get; init; } = [];

    /// <summary>Distinct remote hosts named by any entry.</summary>
    public int DistinctRemoteHosts { get; init; }

    /// <summary>
    /// The commonest shapes of the lines no grammar read (<see cref="UnrecognizedEvent"/>), most frequent first: the
    /// program and the message's first words, each word holding a digit written <c>#</c>
    /// (<c>kernel: usb # new high-speed USB device ...</c>: six words at most). The lines worth a look, as logcheck's ignore rules leave them.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, long>> UnrecognizedShapes { get; init; } = [];

    /// <summary>Distinct remote hosts with at least one failure.</summary>
    public int DistinctAttackingHosts => Hosts.Length;

    /// <summary>Reads <paramref name="entries"/> to the end and summarises them.</summary>
    /// <param name="entries">Entries, for example from <see cref="AuthLogReader.ReadAsync(string, AuthLogReaderOptions?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async ValueTask<AuthLogSummary> SummarizeAsync(IAsyncEnumerable<AuthLogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new AuthLogSummaryBuilder();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            builder.Add(entry);
        return builder.Build();
    }
}

/// <summary>One remote host's failures.</summary>
/// <param name="Host">The host as the log wrote it.</param>
/// <param name="Failures">Failure entries naming it.</param>
/// <param name="Attempts">Distinct connections (program, pid) with a failure from it.</param>
/// <param name="Users">Distinct user names it tried.</param>
/// <param name="First">Its first failure.</param>
/// <param name="Last">Its last failure.</param>
public sealed record HostActivity(string Host, long Failures, long Attempts, int Users, DateTimeOffset First, DateTimeOffset Last);

/// <summary>A successful login.</summary>
/// <param name="Timestamp">When.</param>
/// <param name="User">Who.</param>
/// <param name="Remote">From where.</param>
/// <param name="Method">How (<c>publickey</c>, <c>password</c>...), when the line says.</param>
public sealed record AcceptedLogin(DateTimeOffset Timestamp, string? User, RemoteEndpoint? Remote, string? Method);
