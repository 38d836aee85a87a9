namespace LogParsing.Analysis.Detections;

/// <summary>What the source-keyed rules remember of one source; each rule's part made on its first use.</summary>
internal sealed class SourceState : TableEntry
{
    /// <summary>The latest time seen from the source: a line a little late counts at this time.</summary>
    public long Last = long.MinValue;

    public FindWindow? BruteForce;
    public LeakyBucket? SlowBruteForce;
    public SpreadBucket? TimeBased;
    public LeakyBucket? UserEnumeration;
    public RecentFailures? Recent;
    public LeakyBucket? Cve;
    public FindWindow? Probing;
    public long DefenceUntil = long.MinValue;

    // Most sources knock once: their first failed attempt waits here, and the rules' parts are made only if a second comes.
    public bool HasPending;
    public long PendingAt;
    public DateTimeOffset PendingTime;
    public LogPosition PendingPosition;
    public string? PendingUser;

    public bool Fresh => BruteForce is null && SlowBruteForce is null && TimeBased is null && UserEnumeration is null && Recent is null;
    public long Fail2BanUntil = long.MinValue;

    public int Size =>
        (BruteForce?.Size ?? 0) + (SlowBruteForce?.Size ?? 0) + (TimeBased?.Size ?? 0) + (UserEnumeration?.Size ?? 0)
        + (Recent?.Size ?? 0) + (Cve?.Size ?? 0) + (Probing?.Size ?? 0) + (HasPending ? 1 : 0);
}
