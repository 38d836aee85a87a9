using System.Text.Json.Serialization;

namespace LogParsing.Auth.Sshd;

/// <summary>The level prefix sshd put before a message (<c>error: </c>, <c>fatal: </c>); stripped from the event's fields.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SshdLogLevel>))]
public enum SshdLogLevel
{
    /// <summary>No prefix: INFO or VERBOSE.</summary>
    Info,

    /// <summary><c>error: </c>.</summary>
    Error,

    /// <summary><c>fatal: </c>.</summary>
    Fatal,
}
