using System.Text.Json.Serialization;

namespace LogParsing.Auth.Sshd;

/// <summary>
/// How sshd (7.5+) described the user in a connection's log preamble: <c>invalid user X</c>,
/// <c>authenticating user X</c> (during authentication) or <c>user X</c> (after it).
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SshdUserState>))]
public enum SshdUserState
{
    /// <summary>The line names no user.</summary>
    None,

    /// <summary><c>invalid user X</c>: the name does not exist on the host.</summary>
    Invalid,

    /// <summary><c>authenticating user X</c>: a valid user that had not yet authenticated.</summary>
    Authenticating,

    /// <summary><c>user X</c>: an authenticated user.</summary>
    Authenticated,
}
