namespace LogParsing.Analysis.Detections;

/// <summary>A part of a source's rules that can be made new again from its own arrays (<see cref="PartSpares"/>).</summary>
internal interface IRulePart
{
    /// <summary>Back to the state of a part just made, its arrays kept.</summary>
    void Reset();
}
