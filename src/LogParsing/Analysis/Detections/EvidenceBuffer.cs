using System.Collections.Immutable;

namespace LogParsing.Analysis.Detections;

/// <summary>The first and the last N positions of what a rule counted, the user names among them, the span and the count.</summary>
internal sealed class EvidenceBuffer
{
    private LogPosition[]? _first;
    private LogPosition[]? _last;
    private int _firstCount;
    private int _lastCount;
    private int _lastStart;
    private List<string>? _users;

    public long Count { get; private set; }

    public DateTimeOffset First { get; private set; }

    public DateTimeOffset Last { get; private set; }

    /// <summary>Positions and users held: what the state-size counter reports.</summary>
    public int Size => _firstCount + _lastCount + (_users?.Count ?? 0);

    public void Clear()
    {
        _firstCount = _lastCount = _lastStart = 0;
        _users?.Clear();
        Count = 0;
    }

    public void Add(DateTimeOffset time, LogPosition position, string? user, int count, DetectionRules rules)
    {
        if (Count == 0 || time < First) First = time;
        if (Count == 0 || time > Last) Last = time;
        Count += count;
        var cap = rules.EvidenceCap < 1 ? 1 : rules.EvidenceCap;
        if (_firstCount < cap)
        {
            (_first ??= new LogPosition[cap])[_firstCount++] = position;
        }
        else
        {
            // A ring of the latest: the oldest overwritten once full.
            _last ??= new LogPosition[cap];
            if (_lastCount < cap) _last[(_lastStart + _lastCount++) % cap] = position;
            else
            {
                _last[_lastStart] = position;
                _lastStart = (_lastStart + 1) % cap;
            }
        }
        if (user is not null) AddUser(user, rules.UsersCap);
    }

    /// <summary>Counts more of the last piece of evidence (a repeated line) without another position.</summary>
    public void AddCount(int count) => Count += count;

    private void AddUser(string user, int cap)
    {
        _users ??= new List<string>(4);
        if (_users.Count >= Math.Max(1, cap)) return;
        foreach (var u in _users)
            if (string.Equals(u, user, StringComparison.Ordinal)) return;
        _users.Add(user);
    }

    public ImmutableArray<LogPosition> Positions()
    {
        var builder = ImmutableArray.CreateBuilder<LogPosition>(_firstCount + _lastCount);
        for (var i = 0; i < _firstCount; i++) builder.Add(_first![i]);
        for (var i = 0; i < _lastCount; i++) builder.Add(_last![(_lastStart + i) % _last.Length]);
        return builder.MoveToImmutable();
    }

    public ImmutableArray<string> Users() => _users is { Count: > 0 } ? [.. _users] : [];
}
