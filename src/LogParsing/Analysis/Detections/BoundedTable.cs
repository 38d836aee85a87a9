namespace LogParsing.Analysis.Detections;

/// <summary>
/// A dictionary of at most <see cref="Capacity"/> states, kept in order of last use: the least recently used is evicted
/// when a new key would exceed the capacity, and <see cref="Expire"/> drops those unused since a time. Log time mostly
/// moves forward, so last use is last seen, and expiry looks at the head only. The order is a list threaded through the
/// states themselves: a new source costs its state and a dictionary slot, nothing more. With <paramref name="recycle"/>, a
/// state that leaves is reset by it and kept for the next new key: once the table has filled, new keys make no objects,
/// and the collector no longer copies each one through its generations only to drop it hours of log later.
/// </summary>
internal sealed class BoundedTable<TKey, T>(int capacity, Action<T>? recycle = null) where TKey : IEquatable<TKey> where T : TableEntry<TKey>, new()
{
    private readonly Dictionary<TKey, T> _slots = [];
    private T? _oldest;
    private T? _newest;
    // States that left, reset, chained through Newer: never more than the table once held, so bounded by its capacity.
    private T? _spare;

    public int Capacity { get; } = Math.Max(1, capacity);

    public int Count => _slots.Count;

    /// <summary>The state of <paramref name="key"/>, created when new; marked used at <paramref name="ticks"/>.</summary>
    public T Get(TKey key, long ticks)
    {
        if (_slots.TryGetValue(key, out var state))
        {
            if (ticks > state.Used) state.Used = ticks;
            if (state != _newest)
            {
                Unlink(state);
                Append(state);
            }
            return state;
        }
        if (_slots.Count >= Capacity && _oldest is { } oldest) Remove(oldest);
        if (_spare is { } spare)
        {
            _spare = (T?)spare.Newer;
            spare.Newer = null;
            state = spare;
        }
        else state = new T();
        state.Key = key;
        state.Used = ticks;
        _slots[key] = state;
        Append(state);
        return state;
    }

    /// <summary>The state of <paramref name="key"/>, or null, without marking it used.</summary>
    public T? Find(TKey key) => _slots.GetValueOrDefault(key);

    /// <summary>Drops the states last used before <paramref name="ticks"/>.</summary>
    public void Expire(long ticks)
    {
        while (_oldest is { } oldest && oldest.Used < ticks) Remove(oldest);
    }

    public IEnumerable<T> Values
    {
        get
        {
            for (var s = _oldest; s is not null; s = (T?)s.Newer) yield return s;
        }
    }

    private void Remove(T state)
    {
        _slots.Remove(state.Key);
        Unlink(state);
        if (recycle is null) return;
        recycle(state);
        state.Key = default!;
        state.Newer = _spare;
        _spare = state;
    }

    private void Unlink(T state)
    {
        if (state.Older is { } older) older.Newer = state.Newer;
        else _oldest = (T?)state.Newer;
        if (state.Newer is { } newer) newer.Older = state.Older;
        else _newest = (T?)state.Older;
        state.Older = state.Newer = null;
    }

    private void Append(T state)
    {
        state.Older = _newest;
        if (_newest is not null) _newest.Newer = state;
        else _oldest = state;
        _newest = state;
    }
}

/// <summary>A state of a <see cref="BoundedTable{TKey, T}"/>: its key, its last use, and its neighbours in the order of use.</summary>
internal abstract class TableEntry<TKey>
{
    public TKey Key = default!;
    public long Used;
    public TableEntry<TKey>? Older;
    public TableEntry<TKey>? Newer;
}
