namespace LogParsing.Analysis.Detections;

/// <summary>
/// The rules' parts of sources that left the table, kept for the next sources that need one and reset for them. A big log's
/// sources churn through the table by the hundred thousand; their parts lived long enough to be promoted, and the
/// collector's copying of them was most of what detection cost beyond its rules. Each part goes back to the rule it
/// served, so that its arrays keep the sizes that rule gives them. Never more parts are kept than the table's sources
/// once held at a time. Not thread-safe: one per detector.
/// </summary>
internal sealed class PartSpares
{
    private readonly Stack<FindWindow> _bruteForce = new();
    private readonly Stack<FindWindow> _probing = new();
    private readonly Stack<LeakyBucket> _slowBruteForce = new();
    private readonly Stack<LeakyBucket> _userEnumeration = new();
    private readonly Stack<LeakyBucket> _cve = new();
    private readonly Stack<SpreadBucket> _timeBased = new();
    private readonly Stack<RecentFailures> _recent = new();

    public FindWindow BruteForce() => Take(_bruteForce);

    public FindWindow Probing() => Take(_probing);

    public LeakyBucket SlowBruteForce() => Take(_slowBruteForce);

    public LeakyBucket UserEnumeration() => Take(_userEnumeration);

    public LeakyBucket Cve() => Take(_cve);

    public SpreadBucket TimeBased() => Take(_timeBased);

    public RecentFailures Recent() => Take(_recent);

    /// <summary>Takes every part of <paramref name="parts"/> (each reset when it is taken again), and leaves it with none.</summary>
    public void Return(SourceParts parts)
    {
        Keep(_bruteForce, parts.BruteForce);
        Keep(_probing, parts.Probing);
        Keep(_slowBruteForce, parts.SlowBruteForce);
        Keep(_userEnumeration, parts.UserEnumeration);
        Keep(_cve, parts.Cve);
        Keep(_timeBased, parts.TimeBased);
        Keep(_recent, parts.Recent);
        (parts.BruteForce, parts.Probing, parts.SlowBruteForce, parts.UserEnumeration, parts.Cve, parts.TimeBased, parts.Recent) =
            (null, null, null, null, null, null, null);
    }

    // Reset when taken, not when returned: a part is cold by the time its source leaves the table, and resetting it
    // then touched its memory for nothing; taken, it is about to be used, so its memory comes into the cache anyway.
    private static T Take<T>(Stack<T> spares) where T : class, IRulePart, new()
    {
        if (!spares.TryPop(out var part)) return new();
        part.Reset();
        return part;
    }

    private static void Keep<T>(Stack<T> spares, T? part) where T : class
    {
        if (part is not null) spares.Push(part);
    }
}
