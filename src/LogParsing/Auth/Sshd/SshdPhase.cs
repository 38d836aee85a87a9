using System.Text.Json.Serialization;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// Which sshd process relayed a line: the monitor appends <c> [preauth]</c> or <c> [postauth]</c> to every
/// message of the unprivileged child (<c>monitor.c monitor_read_log</c>).
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SshdPhase>))]
public enum SshdPhase
{
    /// <summary>No suffix: the line came from the monitor or the listener itself.</summary>
    None,

    /// <summary><c> [preauth]</c>: before authentication completed.</summary>
    Preauth,

    /// <summary><c> [postauth]</c>: after authentication.</summary>
    Postauth,
}
