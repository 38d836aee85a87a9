using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Su;
using LogParsing.Auth.Sudo;
using LogParsing.Fail2Ban;

namespace LogParsing.Analysis.Detections;

/// <summary>
/// The detection rules (docs/detections.md) over entries fed one at a time, in log order, after
/// <see cref="AuthLogEntryStreams.WithSessionRemotes"/>: each <see cref="Add(AuthLogEntry)"/> returns what the entry made
/// fire. State is bounded: sources, users and sudo users are capped tables that forget the least recently seen first,
/// and states expire with their rule's longest window. Sources are keyed by the address the log wrote, whichever host
/// logged it, so a central syslog server's file is one view. Not thread-safe: one reader feeds it.
/// </summary>
/// <example>
/// <code>
/// var detector = new Detector();
/// await foreach (var e in AuthLogReader.ReadAsync("/var/log/auth.log.1").WithSessionRemotes()) detector.Prime(e);
/// await foreach (var e in AuthLogReader.FollowAsync("/var/log/auth.log").WithSessionRemotes())
///     foreach (var d in detector.Add(e)) Console.WriteLine($"{d.Severity} {d.RuleId}: {d.Description}");
/// </code>
/// </example>
public sealed class Detector
{
    private readonly DetectionRules _rules;
    private readonly BoundedTable<SourceKey, SourceState> _sources;
    private readonly BoundedTable<string, UserState> _users;
    private readonly BoundedTable<string, SudoSeen> _sudoUsers;
    private readonly EvidenceBuffer _scratch = new();
    private readonly PackedPosition.Packer _positions = new();
    private readonly PartSpares _spares = new();
    private readonly List<Detection> _pending = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly long _skew;
    private readonly long _sourceLife;
    private readonly long _userLife;
    private readonly int _pendingLimit;
    private long _clock = long.MinValue;
    private bool _priming;

    /// <summary>Creates a detector running <paramref name="rules"/>.</summary>
    /// <param name="rules">The rules and bounds; null for <see cref="DetectionRules.Default"/>.</param>
    public Detector(DetectionRules? rules = null)
    {
        _rules = rules ?? DetectionRules.Default;
        ArgumentNullException.ThrowIfNull(_rules.Counting, nameof(rules));
        _sources = new BoundedTable<SourceKey, SourceState>(_rules.MaxSources, state => state.Reset(_spares));
        _users = new BoundedTable<string, UserState>(_rules.MaxUsers);
        _sudoUsers = new BoundedTable<string, SudoSeen>(_rules.MaxSudoUsers);
        _skew = Math.Max(0, _rules.AllowedSkew.Ticks);
        var r = _rules;
        _sourceLife = Longest(
            r.BruteForce.FindTime, r.BruteForce.Suppress, r.ProtocolProbing.FindTime, r.ProtocolProbing.Suppress,
            Life(r.SlowBruteForce), r.SlowBruteForce.Blackhole, Life(r.UserEnumeration), r.UserEnumeration.Blackhole,
            Life(r.Cve20246387), r.Cve20246387.Blackhole, r.TimeBasedBruteForce.Idle, r.TimeBasedBruteForce.Blackhole,
            r.SuccessAfterFailures.Window, r.SshdDefences.Suppress, r.Fail2BanActions.Suppress);
        _pendingLimit = PendingLimit(_rules);
        _userLife = Longest(r.DistributedBruteForce.Window, r.DistributedBruteForce.Suppress, r.SuccessAfterFailures.Window, r.SudoRefused.Suppress, r.SuRootFailed.Suppress);
    }

    /// <summary>The rules it runs.</summary>
    public DetectionRules Rules => _rules;

    /// <summary>Entries that came more than <see cref="DetectionRules.AllowedSkew"/> behind the latest time seen, left out of the windowed rules.</summary>
    public long LateEntries { get; private set; }

    /// <summary>Feeds the next auth entry; returns the detections it fired (most often none).</summary>
    /// <param name="entry">The entry, in log order.</param>
    public ImmutableArray<Detection> Add(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Feed(entry);
        return Flush();
    }

    /// <summary>Feeds the next fail2ban entry (bans and unbans); returns the detections it fired.</summary>
    /// <param name="entry">The entry, in log order.</param>
    public ImmutableArray<Detection> Add(Fail2BanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rule = _rules.Fail2BanActions;
        if (!rule.Enabled || entry.Event is not Fail2BanTargetEvent target) return [];
        var (id, name, verb) = target switch
        {
            Fail2BanBan or Fail2BanRestoreBan or Fail2BanIncreaseBan => (DetectionRuleIds.Fail2BanBan, "fail2ban ban", target is Fail2BanRestoreBan ? "restored the ban of" : target is Fail2BanIncreaseBan ? "extended the ban of" : "banned"),
            Fail2BanUnban => (DetectionRuleIds.Fail2BanUnban, "fail2ban unban", "unbanned"),
            _ => (null, null, null),
        };
        if (id is null) return [];
        var t = entry.Timestamp.UtcTicks;
        if (rule.Suppress > TimeSpan.Zero)
        {
            var state = _sources.Get(SourceKey.Text(id + " " + target.Target), t).Parts ??= new();
            if (t < state.Fail2BanUntil) return [];
            state.Fail2BanUntil = Ticks.Until(t, rule.Suppress);
        }
        var jail = entry.Jail is { } j ? $" [{j}]" : "";
        Emit(new Detection
        {
            RuleId = id, RuleName = name!, Severity = DetectionSeverity.Info, Source = target.Address, SourceHost = target.Target,
            First = entry.Timestamp, Last = entry.Timestamp, Count = 1, Evidence = [entry.Position],
            Description = $"fail2ban{jail} {verb} {target.Target}",
        });
        return Flush();
    }

    /// <summary>
    /// Feeds an entry of history without reporting: the state learns it (the sudo users already seen, the windows already
    /// filling), so that a follow started after it does not flag what the history already showed.
    /// </summary>
    /// <param name="entry">The entry, in log order.</param>
    public void Prime(AuthLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _priming = true;
        try
        {
            Feed(entry);
        }
        finally
        {
            _priming = false;
            _pending.Clear();
        }
    }

    /// <summary>Sources remembered now (at most <see cref="DetectionRules.MaxSources"/>).</summary>
    internal int SourceCount => _sources.Count;

    /// <summary>Users remembered now (at most <see cref="DetectionRules.MaxUsers"/>).</summary>
    internal int UserCount => _users.Count;

    /// <summary>User names kept by <see cref="Name"/> (at most <see cref="MaxNames"/>).</summary>
    internal int NameCount => _names.Count;

    /// <summary>(host, user) pairs of the first-seen sudo rule (at most <see cref="DetectionRules.MaxSudoUsers"/>).</summary>
    internal int SudoUserCount => _sudoUsers.Count;

    /// <summary>Everything held inside the states: events in windows, evidence positions, names; a walk of every state, for tests.</summary>
    internal long HeldItems()
    {
        long n = 0;
        foreach (var s in _sources.Values) n += s.Size;
        foreach (var u in _users.Values) n += u.Size;
        return n;
    }

    private ImmutableArray<Detection> Flush()
    {
        if (_pending.Count == 0) return [];
        ImmutableArray<Detection> result = [.. _pending];
        _pending.Clear();
        return result;
    }

    private void Feed(AuthLogEntry entry)
    {
        var evt = entry.Event;
        switch (evt)
        {
            case UnrecognizedEvent or MalformedLine:
                return;
            case SudoCommand sudo:
                Sudo(entry, sudo);
                return;
            case SuFailed su:
                SuRoot(entry, su);
                return;
        }

        var t = entry.Timestamp.UtcTicks;
        if (t > _clock)
        {
            _clock = t;
            _sources.Expire(Ticks.Sub(Ticks.Sub(t, _sourceLife), _skew));
            _users.Expire(Ticks.Sub(Ticks.Sub(t, _userLife), _skew));
        }
        else if (t < Ticks.Sub(_clock, _skew))
        {
            LateEntries++;
            return;
        }

        var remote = evt.Remote;
        if (remote is not null && IsIgnored(remote.Address)) return;
        var failures = _rules.Counting.FailedAttempts(entry);
        if (failures > 0) Failure(entry, remote, failures, t);
        else if (evt.Outcome == AuthOutcome.Success && _rules.Counting.IsLogin(evt)) Login(entry, remote, t);
        if (remote is null) return;
        switch (evt)
        {
            case SshdTimeout when _rules.Cve20246387.Enabled:
                Timeout(entry, remote, t);
                break;
            case SshdNoIdentification or SshdBadProtocolVersion or SshdNegotiationFailed or SshdIdentificationError { Outcome: AuthOutcome.Failure } when _rules.ProtocolProbing.Enabled:
                Probe(entry, remote, t);
                break;
            case SshdPenalty or SshdConnectionDropped when _rules.SshdDefences.Enabled:
                Defence(entry, remote, t);
                break;
        }
    }

    // The most failed attempts a source's state holds before its rules' parts are made.
    private const int MaxPending = 4;

    /// <summary>
    /// How many failed attempts of a fresh source can wait without any source rule missing a detection: one fewer than the
    /// fewest that fire brute force (MaxRetry) or the time-spread rule (its Failures), and no more than a leaky bucket's
    /// capacity (its overflow takes one more pour). The success-after-failures rule replays them at the login.
    /// </summary>
    private static int PendingLimit(DetectionRules r)
    {
        var limit = MaxPending;
        if (r.BruteForce.Enabled) limit = Math.Min(limit, Math.Max(1, r.BruteForce.MaxRetry) - 1);
        if (r.TimeBasedBruteForce.Enabled) limit = Math.Min(limit, Math.Max(2, r.TimeBasedBruteForce.Failures) - 1);
        if (r.SlowBruteForce.Enabled) limit = Math.Min(limit, Math.Max(1, r.SlowBruteForce.Capacity));
        if (r.UserEnumeration.Enabled) limit = Math.Min(limit, Math.Max(1, r.UserEnumeration.Capacity));
        return limit;
    }

    private bool IsIgnored(IPAddress? address)
    {
        if (address is null) return false;
        foreach (var network in _rules.IgnoredNetworks.AsSpan())
            if (network.Contains(address)) return true;
        return false;
    }

    private SourceState Source(RemoteEndpoint remote, long t, out long at) => Source(SourceKey.Of(remote), t, out at);

    private SourceState Source(SourceKey key, long t, out long at)
    {
        var state = _sources.Get(key, t);
        // A line a little late counts as if it came with its source's latest line: windows and buckets stay in order.
        at = Math.Max(t, state.Last);
        state.Last = at;
        return state;
    }

    private void Failure(AuthLogEntry entry, RemoteEndpoint? remote, int failures, long t)
    {
        var evt = entry.Event;
        var user = evt.User is { } named ? Name(named) : null;
        var time = entry.Timestamp;
        var position = _positions.Pack(entry.Position);
        var r = _rules;
        // Made once: the source's rules and the distributed rule both key on it.
        var key = remote is null ? default : SourceKey.Of(remote);
        if (remote is not null)
        {
            var src = Source(key, t, out var at);
            // Attempts below every source rule's threshold fire nothing: they wait until the source has made more, and
            // then go to the rules in order, as if each had gone when it came.
            if (src.Fresh && src.PendingFailures + failures <= _pendingLimit) Hold(src, at, time, position, user, failures);
            else
            {
                if (src.PendingCount > 0) Replay(src, remote);
                SourceFailure(src, remote, at, time, position, user, failures);
            }
        }
        if (user is null || IsInvalidUser(evt) || !(r.SuccessAfterFailures.Enabled || r.DistributedBruteForce.Enabled)) return;

        var state = _users.Get(user, t);
        var uat = Math.Max(t, state.Last);
        state.Last = uat;
        if (r.SuccessAfterFailures.Enabled)
        {
            var n = Math.Max(1, r.SuccessAfterFailures.MinFailures);
            for (var i = 0; i < Math.Min(failures, n); i++) (state.Recent ??= new()).Add(uat, time, position, user, n);
        }
        if (remote is not null && r.DistributedBruteForce.Enabled) Distributed(entry, key, user, state, uat, failures);
    }

    // The most user names kept by Name; past it the set starts again, so an attacker's dictionary of names cannot grow it.
    internal const int MaxNames = 4096;

    /// <summary>
    /// One copy of each user name for the state. The parser's pool makes a name again whenever other texts take its slots,
    /// a few hundred times a million lines for a name tried every few dozen lines; each new copy written into the
    /// detector's state, which lives for hours of log in the old generation, was a young object in old memory that every
    /// young collection then scanned for, and kept alive. A copy kept here is old after its first collection.
    /// </summary>
    private string Name(string user)
    {
        if (_names.TryGetValue(user, out var known)) return known;
        if (_names.Count >= MaxNames) _names.Clear();
        _names.Add(user);
        return user;
    }

    private void Hold(SourceState src, long at, DateTimeOffset time, PackedPosition position, string? user, int failures)
    {
        var pending = new PendingFailure { At = at, Time = time, Position = position, User = user, Failures = failures };
        if (src.PendingCount == 0) src.Pending = pending;
        else
        {
            // Each attempt counts at least one failure, so no more than the limit wait.
            var more = src.MorePending ??= new PendingFailure[_pendingLimit - 1];
            more[src.PendingCount - 1] = pending;
        }
        src.PendingCount++;
        src.PendingFailures += failures;
    }

    private void Replay(SourceState src, RemoteEndpoint remote)
    {
        var count = src.PendingCount;
        src.PendingCount = src.PendingFailures = 0;
        for (var i = 0; i < count; i++)
        {
            var p = i == 0 ? src.Pending : src.MorePending![i - 1];
            SourceFailure(src, remote, p.At, p.Time, p.Position, p.User, p.Failures);
        }
        src.Pending = default;
        // Kept for the source's next waiting attempts, cleared of these.
        if (src.MorePending is not null) Array.Clear(src.MorePending);
    }

    private void SourceFailure(SourceState src, RemoteEndpoint remote, long at, DateTimeOffset time, PackedPosition position, string? user, int failures)
    {
        var r = _rules;
        var parts = src.Parts ??= new();
        if (r.BruteForce.Enabled && (parts.BruteForce ??= _spares.BruteForce()).Add(at, time, position, user, failures, r.BruteForce, r, _scratch))
            Emit(DetectionRuleIds.BruteForce, "SSH brute force", DetectionSeverity.Medium, remote, null, _scratch,
                $"{_scratch.Count} failed attempts from {remote.Host} within {Span(_scratch)} (fail2ban: {r.BruteForce.MaxRetry} in {Span(r.BruteForce.FindTime)})");
        for (var i = 0; i < failures; i++)
        {
            if (r.SlowBruteForce.Enabled && (parts.SlowBruteForce ??= _spares.SlowBruteForce()).Pour(at, time, position, user, null, r.SlowBruteForce, r))
            {
                var b = parts.SlowBruteForce.Evidence;
                Emit(DetectionRuleIds.SlowBruteForce, "Slow SSH brute force", DetectionSeverity.Medium, remote, null, b,
                    $"{b.Count} failed attempts from {remote.Host} over {Span(b)}, more than a bucket of {r.SlowBruteForce.Capacity} leaking one per {Span(r.SlowBruteForce.LeakSpeed)} holds");
                parts.SlowBruteForce.Kill();
            }
            if (r.UserEnumeration.Enabled && (parts.UserEnumeration ??= _spares.UserEnumeration()).Pour(at, time, position, user, user ?? "", r.UserEnumeration, r))
            {
                var b = parts.UserEnumeration.Evidence;
                Emit(DetectionRuleIds.UserEnumeration, "SSH user enumeration", DetectionSeverity.Medium, remote, null, b,
                    $"{b.Count} distinct user names tried from {remote.Host} within {Span(b)}");
                parts.UserEnumeration.Kill();
            }
            if (r.TimeBasedBruteForce.Enabled && (parts.TimeBased ??= _spares.TimeBased()).Failure(at, time, position, user, r.TimeBasedBruteForce, r))
            {
                var b = parts.TimeBased.Evidence;
                Emit(DetectionRuleIds.TimeBasedBruteForce, "Time-spread SSH brute force", DetectionSeverity.Low, remote, null, b,
                    $"{b.Count} failed attempts from {remote.Host} spread over {Span(b)}, a median of {Span(parts.TimeBased.LastMedian)} apart");
                parts.TimeBased.Cancel();
            }
        }
        if (r.SuccessAfterFailures.Enabled)
        {
            var n = Math.Max(1, r.SuccessAfterFailures.MinFailures);
            for (var i = 0; i < Math.Min(failures, n); i++) (parts.Recent ??= _spares.Recent()).Add(at, time, position, user, n);
        }
    }

    private void Distributed(AuthLogEntry entry, SourceKey key, string user, UserState state, long at, int failures)
    {
        var rule = _rules.DistributedBruteForce;
        if (at < state.DistributedUntil) return;
        var sources = state.Sources ??= [];
        var since = Ticks.Sub(at, rule.Window.Ticks);
        var kept = 0;
        for (var i = 0; i < sources.Count; i++)
            if (sources[i].Ticks > since && !sources[i].Source.Equals(key)) sources[kept++] = sources[i];
        sources.RemoveRange(kept, sources.Count - kept);
        if (sources.Count == 0)
        {
            state.DistributedCount = 0;
            state.DistributedFirst = entry.Timestamp;
        }
        state.DistributedCount += failures;
        sources.Add((key, at, entry.Timestamp, _positions.Pack(entry.Position)));
        if (sources.Count < Math.Max(2, rule.MinSources)) return;

        _scratch.Clear();
        foreach (var s in sources) _scratch.Add(s.Time, s.Position, user, 1, _rules);
        var count = state.DistributedCount;
        Emit(new Detection
        {
            RuleId = DetectionRuleIds.DistributedBruteForce, RuleName = "Distributed brute force on one account", Severity = DetectionSeverity.High,
            User = user, Users = [user], First = state.DistributedFirst < _scratch.First ? state.DistributedFirst : _scratch.First, Last = entry.Timestamp,
            Count = count, Evidence = _scratch.Positions(),
            Description = $"{count} failed attempts for {user} from {sources.Count} sources within {Span(_scratch)}",
        });
        sources.Clear();
        state.DistributedCount = 0;
        state.DistributedUntil = Ticks.Until(at, rule.Suppress);
    }

    private void Login(AuthLogEntry entry, RemoteEndpoint? remote, long t)
    {
        var user = entry.Event.User;
        var src = remote is not null ? _sources.Find(SourceKey.Of(remote)) : null;
        if (src is { PendingCount: > 0 }) Replay(src, remote!);
        // CrowdSec's cancel_on: a login from the source ends its time-based bucket without an alert.
        var parts = src?.Parts;
        parts?.TimeBased?.Cancel();
        var rule = _rules.SuccessAfterFailures;
        if (!rule.Enabled) return;
        var n = Math.Max(1, rule.MinFailures);
        var since = Ticks.Sub(t, rule.Window.Ticks);
        var account = user is not null ? _users.Find(user) : null;
        string description;
        if (parts?.Recent is { } recent && recent.Holds(n, since))
        {
            _scratch.Clear();
            recent.Drain(_scratch, _rules);
            account?.Recent?.Clear();
            description = $"{user ?? "a user"} logged in from {remote!.Host} after {_scratch.Count} failed attempts from it within {Span(rule.Window)}";
        }
        else if (account?.Recent is { } userRecent && userRecent.Holds(n, since))
        {
            _scratch.Clear();
            userRecent.Drain(_scratch, _rules);
            parts?.Recent?.Clear();
            description = $"{user} logged in{(remote is null ? "" : " from " + remote.Host)} after {_scratch.Count} failed attempts for the account within {Span(rule.Window)}";
        }
        else return;
        var failures = _scratch.Count;
        _scratch.Add(entry.Timestamp, _positions.Pack(entry.Position), user, 0, _rules);
        Emit(new Detection
        {
            RuleId = DetectionRuleIds.SuccessAfterFailures, RuleName = "Login after failures", Severity = DetectionSeverity.Critical,
            Source = remote?.Address, SourceHost = remote?.Host, User = user, Users = _scratch.Users(),
            First = _scratch.First, Last = entry.Timestamp, Count = failures + 1, Evidence = _scratch.Positions(), Description = description,
        });
    }

    private void Timeout(AuthLogEntry entry, RemoteEndpoint remote, long t)
    {
        var src = Source(remote, t, out var at);
        var bucket = (src.Parts ??= new()).Cve ??= _spares.Cve();
        for (var i = 0; i < entry.RepeatCount; i++)
        {
            if (!bucket.Pour(at, entry.Timestamp, _positions.Pack(entry.Position), null, null, _rules.Cve20246387, _rules)) continue;
            var b = bucket.Evidence;
            Emit(DetectionRuleIds.Cve20246387, "CVE-2024-6387 (regreSSHion) probing", DetectionSeverity.High, remote, null, b,
                $"{b.Count} connections from {remote.Host} timed out before authentication within {Span(b)}, the pattern of regreSSHion exploits");
            bucket.Kill();
        }
    }

    private void Probe(AuthLogEntry entry, RemoteEndpoint remote, long t)
    {
        var src = Source(remote, t, out var at);
        var rule = _rules.ProtocolProbing;
        if (((src.Parts ??= new()).Probing ??= _spares.Probing()).Add(at, entry.Timestamp, _positions.Pack(entry.Position), null, entry.RepeatCount, rule, _rules, _scratch))
            Emit(DetectionRuleIds.ProtocolProbing, "SSH protocol probing", DetectionSeverity.Low, remote, null, _scratch,
                $"{_scratch.Count} protocol or key-exchange probes from {remote.Host} within {Span(_scratch)}");
    }

    private void Defence(AuthLogEntry entry, RemoteEndpoint remote, long t)
    {
        var src = Source(remote, t, out var at);
        var parts = src.Parts ??= new();
        if (at < parts.DefenceUntil) return;
        parts.DefenceUntil = Ticks.Until(at, _rules.SshdDefences.Suppress);
        var description = entry.Event switch
        {
            SshdPenalty p => $"sshd {(p.Active ? "penalised" : "set a deferred penalty on")} {p.Network} for {Span(p.Duration)} ({p.Reason})",
            SshdConnectionDropped d => $"sshd dropped a connection from {remote.Host}: {d.Reason}",
            _ => "sshd defence",
        };
        Emit(new Detection
        {
            RuleId = DetectionRuleIds.SshdDefence, RuleName = "sshd defence", Severity = DetectionSeverity.Info,
            Source = remote.Address, SourceHost = remote.Host, First = entry.Timestamp, Last = entry.Timestamp, Count = entry.RepeatCount,
            Evidence = [entry.Position], Description = description,
        });
    }

    private void Sudo(AuthLogEntry entry, SudoCommand sudo)
    {
        if (sudo.User is not { } user) return;
        var t = entry.Timestamp.UtcTicks;
        if (_rules.SudoFirstUse.Enabled)
        {
            var key = (entry.Host ?? "") + "\n" + user;
            var known = _sudoUsers.Find(key) is not null;
            _sudoUsers.Get(key, t);
            if (!known)
                Emit(new Detection
                {
                    RuleId = DetectionRuleIds.SudoFirstUse, RuleName = "First sudo by a user", Severity = DetectionSeverity.Low,
                    User = user, Users = [user], First = entry.Timestamp, Last = entry.Timestamp, Count = 1, Evidence = [entry.Position],
                    Description = $"first sudo by {user}{(entry.Host is { } h ? " on " + h : "")}: {sudo.Command}",
                });
        }
        if (_rules.SudoRefused.Enabled && sudo.Outcome == AuthOutcome.Failure && Allowed(user, t, _rules.SudoRefused, static u => ref u.SudoRefusedUntil))
            Emit(new Detection
            {
                RuleId = DetectionRuleIds.SudoRefused, RuleName = "sudo refused", Severity = DetectionSeverity.Medium,
                User = user, Users = [user], First = entry.Timestamp, Last = entry.Timestamp, Count = entry.RepeatCount, Evidence = [entry.Position],
                Description = $"sudo refused {user} ({sudo.Reason}) running {sudo.Command} as {sudo.RunAs ?? "root"}",
            });
    }

    private void SuRoot(AuthLogEntry entry, SuFailed su)
    {
        if (!_rules.SuRootFailed.Enabled || su.Target is not ("root" or null)) return;
        var user = su.User;
        if (user is not null && !Allowed(user, entry.Timestamp.UtcTicks, _rules.SuRootFailed, static u => ref u.SuRootUntil)) return;
        Emit(new Detection
        {
            RuleId = DetectionRuleIds.SuRootFailed, RuleName = "su to root failed", Severity = DetectionSeverity.Medium,
            User = user, Users = user is null ? [] : [user], First = entry.Timestamp, Last = entry.Timestamp, Count = entry.RepeatCount,
            Evidence = [entry.Position], Description = $"su to root failed for {user ?? "an unnamed user"}{(su.Tty is { } tty ? " on " + tty : "")}",
        });
    }

    private delegate ref long UntilField(UserState state);

    // A trigger's suppression per user: only kept when the rule has one, so that a plain trigger holds no state.
    private bool Allowed(string user, long t, TriggerRule rule, UntilField field)
    {
        if (rule.Suppress <= TimeSpan.Zero) return true;
        ref var until = ref field(_users.Get(user, t));
        if (t < until) return false;
        until = Ticks.Until(t, rule.Suppress);
        return true;
    }

    private static bool IsInvalidUser(AuthEvent evt) => evt switch
    {
        SshdInvalidUser => true,
        SshdFailedAuthentication f => f.InvalidUser,
        SshdMaxAuthAttempts m => m.InvalidUser,
        SshdDisconnected { UserState: SshdUserState.Invalid } or SshdConnectionClosed { UserState: SshdUserState.Invalid }
            or SshdConnectionReset { UserState: SshdUserState.Invalid } or SshdDisconnecting { UserState: SshdUserState.Invalid } => true,
        _ => false,
    };

    private void Emit(string id, string name, DetectionSeverity severity, RemoteEndpoint remote, string? user, EvidenceBuffer evidence, string description) =>
        Emit(new Detection
        {
            RuleId = id, RuleName = name, Severity = severity, Source = remote.Address, SourceHost = remote.Host, User = user,
            Users = evidence.Users(), First = evidence.First, Last = evidence.Last, Count = evidence.Count, Evidence = evidence.Positions(),
            Description = description,
        });

    private void Emit(Detection detection)
    {
        if (!_priming) _pending.Add(detection);
    }

    private static TimeSpan Life(LeakyBucketRule rule) => TimeSpan.FromTicks((long)Math.Min((double)(Math.Max(1, rule.Capacity) + 1) * rule.LeakSpeed.Ticks, TimeSpan.MaxValue.Ticks));

    // A negative span is for ever (a permanent suppression): its state must never expire.
    private static long Longest(params ReadOnlySpan<TimeSpan> spans)
    {
        long longest = 0;
        foreach (var s in spans)
        {
            if (s < TimeSpan.Zero) return long.MaxValue;
            longest = Math.Max(longest, s.Ticks);
        }
        return longest;
    }

    private static string Span(EvidenceBuffer evidence) => Span(evidence.Last - evidence.First);

    /// <summary><c>12s</c>, <c>9m 30s</c>, <c>2h 5m</c>, <c>3d 4h</c>.</summary>
    internal static string Span(TimeSpan d)
    {
        if (d < TimeSpan.Zero) d = d.Duration();
        var c = CultureInfo.InvariantCulture;
        if (d.TotalDays >= 1) return string.Create(c, $"{(long)d.TotalDays}d {d.Hours}h");
        if (d.TotalHours >= 1) return string.Create(c, $"{d.Hours}h {d.Minutes}m");
        if (d.TotalMinutes >= 1) return d.Seconds == 0 ? string.Create(c, $"{d.Minutes}m") : string.Create(c, $"{d.Minutes}m {d.Seconds}s");
        return d.Milliseconds == 0 || d.TotalSeconds >= 10 ? string.Create(c, $"{d.Seconds}s") : string.Create(c, $"{d.TotalSeconds:0.###}s");
    }

    private sealed class SudoSeen : TableEntry<string>;
}
