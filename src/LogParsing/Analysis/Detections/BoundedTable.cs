namespace LogParsing.Analysis.Detections;

/// <summary>
/// A dictionary of at most <see cref="Capacity"/> states, kept in order of last use: the least recently used is evicted
/// when a new key would exceed the capacity, and <see cref="Expire"/> drops those unused since a time. Log time mostly
/// moves forward, so last use is last seen, and expiry looks at the head only.
/// </summary>
internal sealed class BoundedTable<T>(int capacity) where T : class, new()
{
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _order = new();

    public int Capacity { get; } = Math.Max(1, capacity);

    public int Count => _slots.Count;

    /// <summary>The state of <paramref name="key"/>, created when new; marked used at <paramref name="ticks"/>.</summary>
    public T Get(string key, long ticks)
    {
        if (_slots.TryGetValue(key, out var node))
        {
            if (ticks > node.Value.Last) node.Value.Last = ticks;
            if (node != _order.Last)
            {
                _order.Remove(node);
                _order.AddLast(node);
            }
            return node.Value.Value;
        }
        if (_slots.Count >= Capacity && _order.First is { } oldest)
        {
            _slots.Remove(oldest.Value.Key);
            _order.RemoveFirst();
        }
        node = _order.AddLast(new Slot(key, new T()) { Last = ticks });
        _slots[key] = node;
        return node.Value.Value;
    }

    /// <summary>The state of <paramref name="key"/>, or null, without marking it used.</summary>
    public T? Find(string key) => _slots.TryGetValue(key, out var node) ? node.Value.Value : null;

    /// <summary>Drops the states last used before <paramref name="ticks"/>.</summary>
    public void Expire(long ticks)
    {
        while (_order.First is { } oldest && oldest.Value.Last < ticks)
        {
            _slots.Remove(oldest.Value.Key);
            _order.RemoveFirst();
        }
    }

    public IEnumerable<T> Values
    {
        get
        {
            foreach (var slot in _order) yield return slot.Value;
        }
    }

    private sealed class Slot(string key, T value)
    {
        public string Key { get; } = key;

        public T Value { get; } = value;

        public long Last { get; set; }
    }
}
