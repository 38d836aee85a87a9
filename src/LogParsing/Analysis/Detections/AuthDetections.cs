using System.Runtime.CompilerServices;

namespace LogParsing.Analysis.Detections;

/// <summary>The detection rules (docs/detections.md) over a stream of entries: history, rotation sets, the journal, or a follow.</summary>
/// <example>
/// <code>
/// await foreach (var d in AuthDetections.DetectAsync(AuthLogReader.ReadAsync("/var/log/auth.log", new() { IncludeRotated = true })))
///     Console.WriteLine($"{d.Last:u} {d.Severity} {d.RuleName}: {d.Description}");
/// </code>
/// </example>
public static class AuthDetections
{
    // WithSessionRemotes' default.
    private const int SessionRemoteCapacity = 4096;

    /// <summary>
    /// The detections of <paramref name="entries"/>, in the order they fire. The entries go through
    /// <see cref="AuthLogEntryStreams.WithSessionRemotes"/> first, so that lines without an address get their connection's.
    /// </summary>
    /// <param name="entries">Entries in log order.</param>
    /// <param name="rules">The rules; null for <see cref="DetectionRules.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<Detection> DetectAsync(IAsyncEnumerable<AuthLogEntry> entries, DetectionRules? rules = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Impl(entries, new Detector(rules), cancellationToken);

        static async IAsyncEnumerable<Detection> Impl(IAsyncEnumerable<AuthLogEntry> entries, Detector detector, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // WithSessionRemotes' stage run inline: a second async iterator between the reader and the rules cost more
            // per line than the correlation itself.
            var stage = new SessionRemoteStage(SessionRemoteCapacity);
            await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (stage.Add(entry) is { } ready)
                {
                    foreach (var detection in detector.Add(ready)) yield return detection;
                    continue;
                }
                while (stage.TryTake(out var released))
                    foreach (var detection in detector.Add(released))
                        yield return detection;
            }
            while (stage.TryTakeRest(out var rest))
                foreach (var detection in detector.Add(rest))
                    yield return detection;
        }
    }

    /// <summary>
    /// The detections of auth entries and fail2ban.log entries merged by time (the earlier first, auth first on a tie):
    /// fail2ban's bans and unbans appear beside what caused them. Each stream must be in time order; the merge waits for
    /// the next entry of both, so for a live follow feed a <see cref="Detector"/> as entries arrive instead.
    /// </summary>
    /// <param name="entries">Auth entries in log order.</param>
    /// <param name="fail2ban">fail2ban.log entries in log order.</param>
    /// <param name="rules">The rules; null for <see cref="DetectionRules.Default"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<Detection> DetectAsync(IAsyncEnumerable<AuthLogEntry> entries, IAsyncEnumerable<Fail2BanEntry> fail2ban, DetectionRules? rules = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(fail2ban);
        return Impl(entries, fail2ban, new Detector(rules), cancellationToken);

        static async IAsyncEnumerable<Detection> Impl(IAsyncEnumerable<AuthLogEntry> entries, IAsyncEnumerable<Fail2BanEntry> fail2ban, Detector detector, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var auth = entries.WithSessionRemotes(cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using var authDisposal = auth.ConfigureAwait(false);
            var bans = fail2ban.GetAsyncEnumerator(cancellationToken);
            await using var bansDisposal = bans.ConfigureAwait(false);
            var hasAuth = await auth.MoveNextAsync().ConfigureAwait(false);
            var hasBan = await bans.MoveNextAsync().ConfigureAwait(false);
            while (hasAuth || hasBan)
            {
                if (hasAuth && (!hasBan || auth.Current.Timestamp <= bans.Current.Timestamp))
                {
                    foreach (var detection in detector.Add(auth.Current)) yield return detection;
                    hasAuth = await auth.MoveNextAsync().ConfigureAwait(false);
                }
                else
                {
                    foreach (var detection in detector.Add(bans.Current)) yield return detection;
                    hasBan = await bans.MoveNextAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
