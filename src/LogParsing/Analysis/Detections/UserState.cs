namespace LogParsing.Analysis.Detections;

/// <summary>What the user-keyed rules remember of one user name.</summary>
internal sealed class UserState : TableEntry<string>
{
    public long Last = long.MinValue;

    public RecentFailures? Recent;

    /// <summary>The distinct sources of failures within the distributed rule's window, oldest first, with each one's latest failure.</summary>
    public List<(SourceKey Source, long Ticks, DateTimeOffset Time, PackedPosition Position)>? Sources;

    public long DistributedCount;
    public DateTimeOffset DistributedFirst;
    public long DistributedUntil = long.MinValue;
    public long SudoRefusedUntil = long.MinValue;
    public long SuRootUntil = long.MinValue;

    public int Size => (Recent?.Size ?? 0) + (Sources?.Count ?? 0);
}
