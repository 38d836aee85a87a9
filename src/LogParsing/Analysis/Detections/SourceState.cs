namespace LogParsing.Analysis.Detections;

/// <summary>What the source-keyed rules remember of one source: its latest time, its waiting attempts, and its rules' parts once it has any.</summary>
/// <remarks>
/// Most sources knock a few times and go. Their state is only this, and it is made by the hundred thousand on a big log
/// (a 65,536-source table churning): the rules' parts (<see cref="SourceParts"/>) are a second object, made for the sources
/// that come back, so that the ones that do not cost 144 bytes instead of 208.
/// </remarks>
internal sealed class SourceState : TableEntry<SourceKey>
{
    /// <summary>The latest time seen from the source: a line a little late counts at this time.</summary>
    public long Last = long.MinValue;

    /// <summary>The rules' parts, made on the first use of any.</summary>
    public SourceParts? Parts;

    // Most sources knock a few times and go: their first failed attempts wait here while they stay below every source
    // rule's threshold (Detector.PendingLimit), and the rules' parts (windows, buckets, evidence) are made only if more come.
    public int PendingCount;
    public int PendingFailures;
    public PendingFailure Pending;
    public PendingFailure[]? MorePending;

    /// <summary>True while no failure-counting part exists: failed attempts may still wait.</summary>
    public bool Fresh => Parts is null || Parts.Fresh;

    public int Size => (Parts?.Size ?? 0) + PendingCount;

    /// <summary>Back to a new source's state for the table's next key: its parts to <paramref name="spares"/>, its arrays kept.</summary>
    public void Reset(PartSpares spares)
    {
        Last = long.MinValue;
        PendingCount = PendingFailures = 0;
        Pending = default;
        // MorePending is kept as it is: only the first PendingCount - 1 of it are ever read.
        Parts?.Reset(spares);
    }
}

/// <summary>The parts of a <see cref="SourceState"/>'s rules, each made on its first use.</summary>
internal sealed class SourceParts
{
    public FindWindow? BruteForce;
    public LeakyBucket? SlowBruteForce;
    public SpreadBucket? TimeBased;
    public LeakyBucket? UserEnumeration;
    public RecentFailures? Recent;
    public LeakyBucket? Cve;
    public FindWindow? Probing;
    public long DefenceUntil = long.MinValue;
    public long Fail2BanUntil = long.MinValue;

    public bool Fresh => BruteForce is null && SlowBruteForce is null && TimeBased is null && UserEnumeration is null && Recent is null;

    /// <summary>Back to no parts made, each returned to <paramref name="spares"/>.</summary>
    public void Reset(PartSpares spares)
    {
        spares.Return(this);
        DefenceUntil = Fail2BanUntil = long.MinValue;
    }

    public int Size =>
        (BruteForce?.Size ?? 0) + (SlowBruteForce?.Size ?? 0) + (TimeBased?.Size ?? 0) + (UserEnumeration?.Size ?? 0)
        + (Recent?.Size ?? 0) + (Cve?.Size ?? 0) + (Probing?.Size ?? 0);
}

/// <summary>A failed attempt waiting in a <see cref="SourceState"/>, as the rules would have been given it.</summary>
internal struct PendingFailure
{
    public long At;
    public DateTimeOffset Time;
    public PackedPosition Position;
    public string? User;
    public int Failures;
}
