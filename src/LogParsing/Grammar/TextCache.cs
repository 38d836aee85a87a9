using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LogParsing.Grammar;

/// <summary>
/// A bounded cache of values made from short texts that repeat from line to line, each found again by its text.
/// </summary>
/// <remarks>
/// Two-way set-associative: each text hashes to a pair of slots, the one used last first, and a newcomer evicts the pair's
/// less recently used. That keeps it bounded (attacker-chosen text cannot grow a process-wide table, it can only evict),
/// lock-free (a slot is one reference, written and read atomically; a reader compares the text, so a racing writer only
/// costs a miss) and cheap: a hash of a short span and one or two compares, against a concurrent dictionary's lookup that
/// cost more than the string it saved. Direct-mapped, two texts of one slot that alternate evicted each other at every
/// line: in the benchmark corpus the users <c>deploy</c> and <c>postgres</c> were made again 16,000 times each per
/// million lines, and each new copy, written into the detector's long-lived state, made the young collections scan it.
/// </remarks>
/// <typeparam name="T">What is kept for a text.</typeparam>
internal abstract class TextCache<T> where T : class
{
    /// <summary>The number of slots (a power of two): 8 KiB of references.</summary>
    /// <remarks>
    /// Small on purpose. A text kept in a slot lives until a newcomer takes the slot; in a big table that is long enough
    /// for the collector to promote it to the old generation, where it then dies, and a busy log's stream of new hosts made
    /// every streamed read run full blocking collections (8,192 slots: 24 to 28 of them per million lines in the benchmark
    /// harness, 190 to 240 ns a line of pause). With 1,024 a newcomer is mostly gone before the next young collection,
    /// while the texts that repeat within a connection or a probe (its host, its user, its reasons) still find theirs.
    /// </remarks>
    public const int Capacity = 1 << SlotBits;

    // Longer texts rarely repeat and would make the hash and compare cost more than the allocation they save.
    private const int MaxLength = 64;

    private readonly T?[] _slots = new T?[Capacity];

    /// <summary>The value kept for <paramref name="text"/>: the one made last time when it is still in its pair of slots.</summary>
    public T Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength) return Create(text);
        var set = Set(text);
        ref var first = ref _slots[set];
        ref var second = ref _slots[set + 1];
        switch (Way(text, set, out var found))
        {
            case 0:
                return found!;
            case 1:
                // Used last now: the pair's other text is the one the next newcomer evicts.
                (second, first) = (first, found);
                return found!;
        }
        var made = Create(text);
        if (Keeps(made)) (second, first) = (first, made);
        return made;
    }

    /// <summary>The value kept for <paramref name="text"/> if its pair of slots holds one now, without making one.</summary>
    public T? Peek(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength) return null;
        var set = Set(text);
        return Way(text, set, out var found) < 0 ? null : found;
    }

    // Which slot of the pair at set holds text (0, 1, or -1 for neither), and its value. Each slot is read once: another
    // thread may replace it, and only the value compared may be returned.
    private int Way(ReadOnlySpan<char> text, int set, out T? found)
    {
        found = _slots[set];
        if (found is not null && text.SequenceEqual(KeyOf(found))) return 0;
        found = _slots[set + 1];
        if (found is not null && text.SequenceEqual(KeyOf(found))) return 1;
        found = null;
        return -1;
    }

    /// <summary>The text <paramref name="value"/> was made from.</summary>
    protected abstract string KeyOf(T value);

    /// <summary>Makes the value of <paramref name="text"/>.</summary>
    protected abstract T Create(ReadOnlySpan<char> text);

    /// <summary>Whether <paramref name="value"/> may be shared by later lines.</summary>
    protected virtual bool Keeps(T value) => true;

    // The first slot of the text's pair.
    private static int Set(ReadOnlySpan<char> text) => Slot(text) & ~1;

    /// <summary>The slot of <paramref name="text"/> (at most <see cref="MaxLength"/> characters); its pair is this slot and its neighbour.</summary>
    internal static int Slot(ReadOnlySpan<char> text)
    {
        // Four characters at a time, each step a multiply and a shift (a character-at-a-time hash is a chain of one
        // multiply per character: 40 ns for a disconnect reason). Every character counts, so "user1".."user9" and
        // addresses that differ in one digit land apart; the slot is the product's well-mixed top bits.
        const ulong Golden = 0x9E3779B97F4A7C15;
        var bytes = MemoryMarshal.AsBytes(text);
        var hash = (ulong)text.Length * Golden;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Golden;
            hash ^= hash >> 29;
            bytes = bytes[8..];
        }
        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            foreach (var b in bytes) tail = (tail << 8) | b;
            hash = (hash ^ tail) * Golden;
        }
        return (int)(hash >> (64 - SlotBits));
    }

    private const int SlotBits = 10;
}
