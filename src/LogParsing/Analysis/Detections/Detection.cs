using System.Collections.Immutable;
using System.Net;

namespace LogParsing.Analysis.Detections;

/// <summary>
/// One firing of a detection rule (docs/detections.md): which rule, how serious, the source address or the user it is
/// keyed on, the user names involved, the time span and count of the evidence, and where the evidence lines are.
/// </summary>
public sealed record Detection
{
    /// <summary>The rule's stable identifier (<see cref="DetectionRuleIds"/>): <c>ssh-brute-force</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's name for people: <c>SSH brute force</c>.</summary>
    public required string RuleName { get; init; }

    /// <summary>How much it asks for attention.</summary>
    public DetectionSeverity Severity { get; init; }

    /// <summary>The source address the rule is keyed on, or null for user-keyed rules and for sources the log names by host name.</summary>
    public IPAddress? Source { get; init; }

    /// <summary>The source as the log wrote it (an address, or a host name with sshd's <c>UseDNS yes</c>), or null for user-keyed rules.</summary>
    public string? SourceHost { get; init; }

    /// <summary>The user the rule is keyed on (distributed brute force, login after failures for a user, sudo and su rules), or the user who logged in; null otherwise.</summary>
    public string? User { get; init; }

    /// <summary>The distinct user names in the evidence, in order of appearance, at most <see cref="DetectionRules.UsersCap"/>.</summary>
    public ImmutableArray<string> Users { get; init; } = [];

    /// <summary>The time of the first piece of evidence.</summary>
    public DateTimeOffset First { get; init; }

    /// <summary>The time of the last piece of evidence (the line that made the rule fire).</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>How many attempts or events the evidence holds (a <c>message repeated N times</c> line counts N).</summary>
    public long Count { get; init; }

    /// <summary>Where the evidence lines are: the first and the last <see cref="DetectionRules.EvidenceCap"/>, in log order.</summary>
    public ImmutableArray<LogPosition> Evidence { get; init; } = [];

    /// <summary>One sentence for people: <c>6 failures from 192.0.2.1 within 00:00:12</c>. It may carry log text: escape it before printing.</summary>
    public required string Description { get; init; }

    /// <summary>Equal when every field is, the arrays compared item by item (an array compares by reference).</summary>
    /// <param name="other">The detection to compare with.</param>
    public bool Equals(Detection? other) =>
        other is not null && RuleId == other.RuleId && RuleName == other.RuleName && Severity == other.Severity && Equals(Source, other.Source)
        && SourceHost == other.SourceHost && User == other.User && First == other.First && Last == other.Last && Count == other.Count
        && Description == other.Description && Users.AsSpan().SequenceEqual(other.Users.AsSpan()) && Evidence.AsSpan().SequenceEqual(other.Evidence.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RuleId, SourceHost, User, First, Last, Count);
}
