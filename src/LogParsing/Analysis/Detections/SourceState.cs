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

    // Most sources knock a few times and go: their first failed attempts wait here while they stay below every source
    // rule's threshold (Detector.PendingLimit), and the rules' parts (windows, buckets, evidence) are made only if more come.
    public int PendingCount;
    public int PendingFailures;
    public PendingFailure Pending;
    public PendingFailure[]? MorePending;

    public bool Fresh => BruteForce is null && SlowBruteForce is null && TimeBased is null && UserEnumeration is null && Recent is null;
    public long Fail2BanUntil = long.MinValue;

    public int Size =>
        (BruteForce?.Size ?? 0) + (SlowBruteForce?.Size ?? 0) + (TimeBased?.Size ?? 0) + (UserEnumeration?.Size ?? 0)
        + (Recent?.Size ?? 0) + (Cve?.Size ?? 0) + (Probing?.Size ?? 0) + PendingCount;
}

/// <summary>A failed attempt waiting in a <see cref="SourceState"/>, as the rules would have been given it.</summary>
internal struct PendingFailure
{
    public long At;
    public DateTimeOffset Time;
    public LogPosition Position;
    public string? User;
    public int Failures;
}
