using System.Runtime.CompilerServices;

namespace LogParsing.Analysis;

/// <summary>Enrichments over a stream of entries.</summary>
public static class AuthLogEntryStreams
{
    /// <summary>
    /// Fills the remote address of sshd lines that carry none from earlier lines of the same connection (host and pid),
    /// with a <see cref="SessionCorrelator"/> of the given capacity. A line whose address was ambiguous
    /// (<see cref="AuthEvent.RemoteAmbiguous"/>: a client-chosen field could have held it) and that no earlier line resolves
    /// is held back until a later line of its connection names the address (<c>Connection closed by ... [preauth]</c>),
    /// for at most <see cref="AmbiguityLookahead"/> entries; order is kept, so the entries after it wait too.
    /// </summary>
    /// <param name="entries">Entries in log order.</param>
    /// <param name="capacity">The most open connections remembered at once.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static IAsyncEnumerable<AuthLogEntry> WithSessionRemotes(this IAsyncEnumerable<AuthLogEntry> entries, int capacity = 4096, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Impl(entries, new SessionRemoteStage(capacity), cancellationToken);

        static async IAsyncEnumerable<AuthLogEntry> Impl(IAsyncEnumerable<AuthLogEntry> entries, SessionRemoteStage stage, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (stage.Add(entry) is { } ready)
                {
                    yield return ready;
                    continue;
                }
                while (stage.TryTake(out var released)) yield return released;
            }
            while (stage.TryTakeRest(out var rest)) yield return rest;
        }
    }

    /// <summary>How many entries <see cref="WithSessionRemotes"/> reads ahead for the address of an ambiguous line.</summary>
    public const int AmbiguityLookahead = 256;
}
