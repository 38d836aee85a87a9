namespace LogParsing.Auth.Shadow;

/// <summary>
/// <c>new user: name=alice, UID=1001, GID=1001, home=/home/alice, shell=/bin/bash, from=/dev/pts/0</c> (useradd):
/// an account was created for <see cref="AuthEvent.User"/>.
/// </summary>
public sealed record ShadowUserAdded : AuthEvent
{
    /// <summary>The new account's uid.</summary>
    public int Uid { get; init; }

    /// <summary>The new account's primary gid.</summary>
    public int Gid { get; init; }

    /// <summary>The home directory.</summary>
    public required string Home { get; init; }

    /// <summary>The login shell.</summary>
    public required string Shell { get; init; }

    /// <summary>The terminal useradd ran on (<c>from=/dev/pts/0</c>, newer shadow), or null when the line has none or says <c>none</c>.</summary>
    public string? From { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// A group was created (useradd's user group, groupadd): <c>new group: name=alice, GID=1001</c>, or groupadd's per-database
/// <c>group added to /etc/group: name=devs, GID=1002</c> and <c>group added to /etc/gshadow: name=devs</c>.
/// </summary>
public sealed record ShadowGroupAdded : AuthEvent
{
    /// <summary>The group's name.</summary>
    public required string Group { get; init; }

    /// <summary>The group's gid, or null when the line has none (the gshadow line).</summary>
    public int? Gid { get; init; }

    /// <summary>The file written (<c>/etc/group</c>, <c>/etc/gshadow</c>), or null for the summary <c>new group:</c> line.</summary>
    public string? Database { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// <see cref="AuthEvent.User"/> was added to a group: <c>add 'alice' to group 'sudo'</c> / <c>add 'alice' to shadow group 'sudo'</c>
/// (useradd -G, usermod -aG), or <c>user alice added by root to group sudo</c> (gpasswd -a).
/// </summary>
public sealed record ShadowUserAddedToGroup : AuthEvent
{
    /// <summary>The group.</summary>
    public required string Group { get; init; }

    /// <summary>True for the shadow group database (<c>shadow group</c>).</summary>
    public bool ShadowGroup { get; init; }

    /// <summary>Who ran gpasswd, or null for useradd/usermod lines.</summary>
    public string? By { get; init; }

    /// <summary>The file gpasswd names (<c> in /etc/gshadow</c>), or null.</summary>
    public string? Database { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// <see cref="AuthEvent.User"/> was removed from a group: <c>delete 'alice' from group 'sudo'</c> / <c>... shadow group ...</c>
/// (userdel, usermod -G), or <c>user alice removed by root from group sudo</c> (gpasswd -d).
/// </summary>
public sealed record ShadowUserRemovedFromGroup : AuthEvent
{
    /// <summary>The group.</summary>
    public required string Group { get; init; }

    /// <summary>True for the shadow group database (<c>shadow group</c>).</summary>
    public bool ShadowGroup { get; init; }

    /// <summary>Who ran gpasswd, or null for userdel/usermod lines.</summary>
    public string? By { get; init; }

    /// <summary>The file gpasswd names (<c> in /etc/gshadow</c>), or null.</summary>
    public string? Database { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary><c>delete user 'alice'</c> (userdel): the account of <see cref="AuthEvent.User"/> was deleted.</summary>
public sealed record ShadowUserDeleted : AuthEvent
{
    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// A group was deleted: <c>group 'devs' removed from /etc/group</c>, <c>group 'devs' removed</c>, older <c>remove group `devs'</c> (groupdel), or a user's own group
/// <c>removed group 'alice' owned by 'alice'</c> / <c>removed shadow group 'alice' owned by 'alice'</c> (userdel).
/// </summary>
public sealed record ShadowGroupDeleted : AuthEvent
{
    /// <summary>The group.</summary>
    public required string Group { get; init; }

    /// <summary>The file groupdel names, or null.</summary>
    public string? Database { get; init; }

    /// <summary>True for userdel's <c>removed shadow group</c>.</summary>
    public bool ShadowGroup { get; init; }

    /// <summary>The user whose group it was (userdel's <c>owned by</c>), also <see cref="AuthEvent.User"/>; null for groupdel.</summary>
    public string? Owner { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary><c>password for 'alice' changed by 'root'</c> (shadow's passwd): <see cref="AuthEvent.User"/>'s password entry was changed.</summary>
public sealed record ShadowPasswordChanged : AuthEvent
{
    /// <summary>Who ran passwd.</summary>
    public required string By { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// An account's attribute was changed (usermod, chage, chfn, chsh): <c>change user 'alice' shell from '/bin/sh' to '/bin/bash'</c>,
/// <c>change user name 'alice' to 'alicia'</c>, <c>lock user 'alice' password</c>, <c>changed password expiry for alice</c>,
/// <c>changed user 'alice' information</c>, <c>changed user 'alice' shell to '/bin/zsh'</c>.
/// <see cref="AuthEvent.User"/> is the account (its old name, for a rename).
/// </summary>
public sealed record ShadowUserModified : AuthEvent
{
    /// <summary>What changed.</summary>
    public ShadowUserChange Change { get; init; }

    /// <summary>The old value, as written (<c>/bin/sh</c>, <c>1001</c>, the old name), or null when the line gives none.</summary>
    public string? From { get; init; }

    /// <summary>The new value, as written, or null when the line gives none.</summary>
    public string? To { get; init; }

    /// <summary>Success: a completed account change.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Success;
}

/// <summary>
/// <c>failed adding user 'alice', exit code: 12</c> (useradd's <c>fail_exit</c>, since shadow PR #296 of 2020), or older shadow's
/// <c>failed adding user `alice', data deleted</c>: useradd gave up, and <see cref="AuthEvent.User"/> was not created.
/// </summary>
public sealed record ShadowUserAddFailed : AuthEvent
{
    /// <summary>useradd's exit code (<c>9</c>: the name is taken, <c>12</c>: the home directory could not be made), or null on the older line.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Failure: the account change was not made.</summary>
    public override AuthOutcome Outcome => AuthOutcome.Failure;
}
