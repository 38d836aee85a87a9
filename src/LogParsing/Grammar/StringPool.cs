namespace LogParsing.Grammar;

/// <summary>
/// Interns the strings that repeat from line to line (host names, programs, services, user names, remote hosts), so a
/// million lines share one "sshd" and the thousand tries of "admin" one "admin".
/// </summary>
/// <remarks>
/// A direct-mapped cache: each text hashes to one slot, and a newcomer evicts whatever sat there. That keeps it bounded
/// (attacker-chosen text cannot grow a process-wide table, it can only evict), lock-free (a slot is one reference,
/// written and read atomically; a reader compares the text, so a racing writer only costs a miss) and cheap: a hash of a
/// short span and one compare, against a concurrent dictionary's lookup that cost more than the string it saved.
/// </remarks>
internal sealed class StringPool
{
    /// <summary>The number of slots (a power of two): 64 KiB of references.</summary>
    public const int Capacity = 8192;

    // Longer texts rarely repeat and would make the hash and compare cost more than the allocation they save.
    private const int MaxLength = 64;

    public static StringPool Shared { get; } = new();

    private readonly string?[] _slots = new string?[Capacity];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        if (text.Length > MaxLength) return new string(text);
        ref var slot = ref _slots[Slot(text)];
        var found = slot;
        if (found is not null && text.SequenceEqual(found)) return found;
        found = new string(text);
        slot = found;
        return found;
    }

    /// <summary>The slot of <paramref name="text"/> (at most <see cref="MaxLength"/> characters).</summary>
    internal static int Slot(ReadOnlySpan<char> text)
    {
        // FNV-1a over the characters: cheap on the short texts kept here, and it mixes every character, so
        // "user1".."user9" and addresses that differ in one digit land apart.
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)((hash ^ (hash >> 15)) & (Capacity - 1));
    }
}
