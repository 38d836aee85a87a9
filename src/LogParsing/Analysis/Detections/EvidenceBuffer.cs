using System.Collections.Immutable;

namespace LogParsing.Analysis.Detections;

/// <summary>The first and the last N positions of what a rule counted, the user names among them, the span and the count.</summary>
/// <remarks>
/// Not sealed: a rule's bucket (<see cref="LeakyBucket"/>, <see cref="SpreadBucket"/>) is its own evidence, so that a source
/// that keeps knocking costs one object per rule instead of two. Sources churn by the hundred thousand on a big log, and
/// their objects are what the collector traces.
/// </remarks>
internal class EvidenceBuffer
{
    private PackedPosition[]? _first;
    private PackedPosition[]? _last;
    private int _firstCount;
    private int _lastCount;
    private int _lastStart;
    // An array and a count rather than a List: one object less per buffer.
    private string[]? _users;
    private int _userCount;

    public long Count { get; private set; }

    public DateTimeOffset First { get; private set; }

    public DateTimeOffset Last { get; private set; }

    /// <summary>Positions and users held: what the state-size counter reports.</summary>
    public int EvidenceSize => _firstCount + _lastCount + _userCount;

    public void Clear()
    {
        _firstCount = _lastCount = _lastStart = 0;
        if (_users is not null) Array.Clear(_users, 0, _userCount);
        _userCount = 0;
        Count = 0;
    }

    /// <summary>Cleared, its span forgotten too, for a bucket made again from its arrays (positions past the counts are never read).</summary>
    protected void ResetEvidence()
    {
        Clear();
        First = Last = default;
    }

    public void Add(DateTimeOffset time, PackedPosition position, string? user, int count, DetectionRules rules)
    {
        if (Count == 0 || time < First) First = time;
        if (Count == 0 || time > Last) Last = time;
        Count += count;
        var cap = rules.EvidenceCap < 1 ? 1 : rules.EvidenceCap;
        if (_firstCount < cap)
        {
            (_first ??= new PackedPosition[cap])[_firstCount++] = position;
        }
        else
        {
            // A ring of the latest: the oldest overwritten once full.
            _last ??= new PackedPosition[cap];
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
        var max = Math.Max(1, cap);
        if (_userCount >= max) return;
        var users = _users ??= new string[Math.Min(4, max)];
        for (var i = 0; i < _userCount; i++)
            if (string.Equals(users[i], user, StringComparison.Ordinal)) return;
        if (_userCount == users.Length) Array.Resize(ref _users, Math.Min(users.Length * 2, max));
        _users[_userCount++] = user;
    }

    public ImmutableArray<LogPosition> Positions()
    {
        var builder = ImmutableArray.CreateBuilder<LogPosition>(_firstCount + _lastCount);
        for (var i = 0; i < _firstCount; i++) builder.Add(_first![i].Unpack());
        for (var i = 0; i < _lastCount; i++) builder.Add(_last![(_lastStart + i) % _last.Length].Unpack());
        return builder.MoveToImmutable();
    }

    public ImmutableArray<string> Users() => _userCount > 0 ? ImmutableArray.Create(_users!, 0, _userCount) : [];
}
