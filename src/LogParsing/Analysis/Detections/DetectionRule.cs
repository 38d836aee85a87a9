namespace LogParsing.Analysis.Detections;

/// <summary>The settings every rule has: whether it runs.</summary>
public abstract record DetectionRule
{
    /// <summary>True (the default) to run the rule.</summary>
    public bool Enabled { get; init; } = true;
}
