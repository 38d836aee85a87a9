using System.Collections.Concurrent;

namespace LogParsing.Grammar;

/// <summary>
/// Interns the few strings that repeat on almost every line (host names, program names, services),
/// so a million lines share one "sshd". Bounded: past <see cref="Capacity"/> entries it stops adding,
/// because attacker-chosen text must not grow a process-wide table.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 4096;

    public static StringPool Shared { get; } = new();

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        if (_lookup.TryGetValue(text, out var found)) return found;
        var s = new string(text);
        return _strings.Count < Capacity ? _strings.GetOrAdd(s, s) : s;
    }
}
