using System.Text.Json.Serialization;

namespace LogParsing.Auth.Shadow;

/// <summary>What a <see cref="ShadowUserModified"/> line changed.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<ShadowUserChange>))]
public enum ShadowUserChange
{
    /// <summary><c>change user name 'old' to 'new'</c> (usermod -l).</summary>
    Name,

    /// <summary><c>change user 'alice' UID from '1001' to '2001'</c> (usermod -u).</summary>
    Uid,

    /// <summary><c>change user 'alice' GID from '1001' to '100'</c> (usermod -g).</summary>
    Gid,

    /// <summary><c>change user 'alice' home from '/home/alice' to '/srv/alice'</c> (usermod -d).</summary>
    Home,

    /// <summary><c>change user 'alice' shell from '/bin/sh' to '/bin/bash'</c> (usermod -s), <c>changed user 'alice' shell to '/bin/bash'</c> (chsh).</summary>
    Shell,

    /// <summary><c>change user 'alice' inactive from '-1' to '30'</c> (usermod -f).</summary>
    Inactive,

    /// <summary><c>change user 'alice' expiration from 'never' to '2026-12-31'</c> (usermod -e).</summary>
    Expiration,

    /// <summary><c>lock user 'alice' password</c> (usermod -L).</summary>
    PasswordLocked,

    /// <summary><c>unlock user 'alice' password</c> (usermod -U).</summary>
    PasswordUnlocked,

    /// <summary><c>change user 'alice' password</c> (usermod -p).</summary>
    Password,

    /// <summary><c>changed password expiry for alice</c> (chage).</summary>
    PasswordExpiry,

    /// <summary><c>changed user 'alice' information</c> (chfn: the GECOS field, full name, room, phones).</summary>
    Information,
}
