using System.Runtime.CompilerServices;

namespace LogParsing.Analysis;

/// <summary>Enrichments over a stream of entries.</summary>
public static class AuthLogEntryStreams
{
    /// <summary>
    /// Fills the remote address of sshd lines that carry none from earlier lines of the same connection (host and pid),
    /// with a <see cref="SessionCorrelator"/> of the given capacity.
    /// </summary>
    /// <param name="entries">Entries in log order.</param>
    /// <param name="capacity">The most open connections remembered at once.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static IAsyncEnumerable<AuthLogEntry> WithSessionRemotes(this IAsyncEnumerable<AuthLogEntry> entries, int capacity = 4096, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Impl(entries, new SessionCorrelator(capacity), cancellationToken);

        static async IAsyncEnumerable<AuthLogEntry> Impl(IAsyncEnumerable<AuthLogEntry> entries, SessionCorrelator correlator, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
                yield return correlator.Enrich(entry);
        }
    }
}
