using System.Collections.Immutable;
using System.Net;

namespace Tutorial;

/// <summary>The level in brackets after the stamp: <c>[INFO]</c>.</summary>
public enum AppLevel
{
    /// <summary><c>[DEBUG]</c></summary>
    Debug,

    /// <summary><c>[INFO]</c></summary>
    Info,

    /// <summary><c>[WARN]</c></summary>
    Warn,

    /// <summary><c>[ERROR]</c></summary>
    Error,
}

/// <summary>One line of the application's own log: <c>2024-05-31 07:07:22.123 [WARN] login failed user=bob ip=1.2.3.4</c>.</summary>
public sealed record AppLogEvent
{
    /// <summary>When: the application writes UTC without saying so.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The level.</summary>
    public AppLevel Level { get; init; }

    /// <summary>The text before the fields: <c>login failed</c>.</summary>
    public required string Message { get; init; }

    /// <summary>The <c>key=value</c> fields, in order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>The <c>user=</c> field, when there is one.</summary>
    public string? User { get; init; }

    /// <summary>The <c>ip=</c> field, when there is one and it is an address.</summary>
    public IPAddress? Address { get; init; }
}
