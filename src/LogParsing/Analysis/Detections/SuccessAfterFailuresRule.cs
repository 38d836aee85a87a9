namespace LogParsing.Analysis.Detections;

/// <summary>
/// A login from a source, or for a user, that had at least <see cref="MinFailures"/> failed attempts within
/// <see cref="Window"/> before it (Wazuh 40112's "multiple authentication failures followed by a success"). The source
/// is checked first; the failures it used are forgotten when it fires.
/// </summary>
public sealed record SuccessAfterFailuresRule : DetectionRule
{
    /// <summary>Failed attempts before the login (at least 1).</summary>
    public int MinFailures { get; init; } = 5;

    /// <summary>How far back before the login they may be.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}
