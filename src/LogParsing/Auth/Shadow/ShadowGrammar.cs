using Pidgin;
using LogParsing.Grammar;
using static LogParsing.Grammar.Scan;

namespace LogParsing.Auth.Shadow;

/// <summary>
/// The account-management lines of shadow-utils (<c>useradd</c>, <c>usermod</c>, <c>userdel</c>, <c>groupadd</c>, <c>groupdel</c>,
/// <c>passwd</c>, <c>chage</c>, <c>gpasswd</c>, <c>chfn</c>, <c>chsh</c>; <c>SYSLOG ((LOG_INFO, ...))</c> in <c>src/*.c</c> of shadow-maint/shadow).
/// Names are quoted <c>'alice'</c> in current shadow and <c>`alice'</c> in older releases; both are read. PAM lines under these programs
/// (<c>pam_unix(passwd:chauthtok): password changed for alice</c>) are read by the PAM grammar; other lines stay unrecognised.
/// </summary>
public static class ShadowGrammar
{
    // 'alice' (current shadow) or `alice' (older releases)
    private static readonly Parser<char, string> Quoted =
        Parser<char>.Token(c => c == '\'' || c == '`').Then(Until("'", allowEmpty: true, intern: true)).Before(Literal("'"));

    // The "\n" that userdel's and groupdel's formats end in: dropped by rsyslog and journald, or kept escaped as "#012".
    private static readonly Parser<char, Unit> NewlineEnd = Literal("#012").Maybe().Then(End);

    // "none" is what useradd writes for "from=" without a terminal
    private static string? Known(string text) => text.Length == 0 || text == "none" ? null : text;

    // ", UID=%u" (", uid=%u" in older shadow)
    private static Parser<char, int> Id(string name) =>
        Switch(($", {name}=", Integer), ($", {name.ToLowerInvariant()}=", Integer));

    // "new user: name=%s, UID=%u, GID=%u, home=%s, shell=%s, from=%s" (useradd; ", from=%s" in newer shadow, lower-case uid/gid in older)
    private static readonly Parser<char, AuthEvent> NewUser =
        Parser.Map(
            (name, uid, gid, home, shell, from) => (AuthEvent)new ShadowUserAdded
            {
                User = name, Uid = uid, Gid = gid, Home = home, Shell = shell, From = from.HasValue ? Known(from.Value) : null,
            },
            Literal("name=").Then(Until(", ", intern: true)),
            Id("UID"),
            Id("GID"),
            Literal(", home=").Then(Until(", shell=", allowEmpty: true)),
            Literal(", shell=").Then(UntilOrEnd(", from=")),
            Literal(", from=").Then(Rest).Maybe());

    // "new group: name=%s, GID=%u" (useradd, groupadd)
    private static readonly Parser<char, AuthEvent> NewGroup =
        Parser.Map(
            (name, gid) => (AuthEvent)new ShadowGroupAdded { Group = name, Gid = gid },
            Literal("name=").Then(Until(", ", intern: true)),
            Id("GID").Before(End));

    // "group added to %s: name=%s, GID=%u" (/etc/group) and "group added to %s: name=%s" (/etc/gshadow) (groupadd, useradd)
    private static readonly Parser<char, AuthEvent> GroupAdded =
        Parser.Map(
            (database, name, gid) => (AuthEvent)new ShadowGroupAdded { Group = name, Gid = gid.HasValue ? gid.Value : null, Database = database },
            Until(": name=", intern: true).Before(Literal(": name=")),
            UntilOrEnd(", GID="),
            Id("GID").Maybe().Before(End));

    // "add '%s' to group '%s'" / "add '%s' to shadow group '%s'" (useradd, usermod)
    private static readonly Parser<char, AuthEvent> AddToGroup =
        Parser.Map(
            (user, shadow, group) => (AuthEvent)new ShadowUserAddedToGroup { User = user, ShadowGroup = shadow, Group = group },
            Quoted,
            Switch((" to group ", Parser<char>.Return(false)), (" to shadow group ", Parser<char>.Return(true))),
            Quoted.Before(End));

    // "delete '%s' from group '%s'" / "delete '%s' from shadow group '%s'" (usermod; userdel with a trailing "\n")
    private static readonly Parser<char, AuthEvent> DeleteFromGroup =
        Parser.Map(
            (user, shadow, group) => (AuthEvent)new ShadowUserRemovedFromGroup { User = user, ShadowGroup = shadow, Group = group },
            Quoted,
            Switch((" from group ", Parser<char>.Return(false)), (" from shadow group ", Parser<char>.Return(true))),
            Quoted.Before(NewlineEnd));

    // "delete user '%s'\n" (userdel)
    private static readonly Parser<char, AuthEvent> DeleteUser =
        Quoted.Before(NewlineEnd).Select(user => (AuthEvent)new ShadowUserDeleted { User = user });

    // "removed group '%s' owned by '%s'\n" / "removed shadow group '%s' owned by '%s'\n" (userdel)
    private static Parser<char, AuthEvent> RemovedGroup(bool shadow) =>
        Parser.Map(
            (group, owner) => (AuthEvent)new ShadowGroupDeleted { Group = group, Owner = owner, User = owner, ShadowGroup = shadow },
            Quoted.Before(Literal(" owned by ")),
            Quoted.Before(NewlineEnd));

    // "group '%s' removed from %s" (per database) and "group '%s' removed\n" (groupdel)
    private static readonly Parser<char, AuthEvent> GroupRemoved =
        Parser.Map(
            (group, database) => (AuthEvent)new ShadowGroupDeleted { Group = group, Database = database.HasValue ? database.Value : null },
            Quoted.Before(Literal(" removed")),
            Literal(" from ").Then(Rest).Maybe().Before(NewlineEnd));

    // "password for '%s' changed by '%s'" (passwd)
    private static readonly Parser<char, AuthEvent> PasswordChanged =
        Parser.Map(
            (user, by) => (AuthEvent)new ShadowPasswordChanged { User = user, By = by },
            Quoted.Before(Literal(" changed by ")),
            Quoted.Before(End));

    private readonly record struct Changed(ShadowUserChange Change, string? From, string? To);

    // " from '%s' to '%s'" after "change user '%s' UID", "GID", "home", "shell", "inactive", "expiration" (usermod)
    private static Parser<char, Changed> FromTo(ShadowUserChange change) =>
        Parser.Map((from, to) => new Changed(change, from, to), Quoted.Before(Literal(" to ")), Quoted.Before(End));

    // "change user '%s' UID from '%d' to '%d'", ..., "change user '%s' password" (usermod)
    private static readonly Parser<char, AuthEvent> ChangeUser =
        Quoted.Then(
            Switch(
                (" UID from ", FromTo(ShadowUserChange.Uid)),
                (" GID from ", FromTo(ShadowUserChange.Gid)),
                (" home from ", FromTo(ShadowUserChange.Home)),
                (" shell from ", FromTo(ShadowUserChange.Shell)),
                (" inactive from ", FromTo(ShadowUserChange.Inactive)),
                (" expiration from ", FromTo(ShadowUserChange.Expiration)),
                (" password", End.ThenReturn(new Changed(ShadowUserChange.Password, null, null)))),
            (user, c) => (AuthEvent)new ShadowUserModified { User = user, Change = c.Change, From = c.From, To = c.To });

    // "change user name '%s' to '%s'" (usermod -l)
    private static readonly Parser<char, AuthEvent> ChangeUserName =
        Parser.Map(
            (from, to) => (AuthEvent)new ShadowUserModified { User = from, Change = ShadowUserChange.Name, From = from, To = to },
            Quoted.Before(Literal(" to ")),
            Quoted.Before(End));

    // "lock user '%s' password" / "unlock user '%s' password" (usermod -L / -U)
    private static Parser<char, AuthEvent> LockUser(ShadowUserChange change) =>
        Quoted.Before(Literal(" password")).Before(End).Select(user => (AuthEvent)new ShadowUserModified { User = user, Change = change });

    // "changed password expiry for %s" (chage)
    private static readonly Parser<char, AuthEvent> ChangedExpiry =
        Word.Before(End).Select(user => (AuthEvent)new ShadowUserModified { User = user, Change = ShadowUserChange.PasswordExpiry });

    // "user %s added by %s to group %s%s" / "user %s removed by %s from group %s%s", the suffix " in %s" naming the file (gpasswd)
    private static readonly Parser<char, AuthEvent> GpasswdMember =
        Parser.Map(
            (user, added, by, group, database) => added
                ? (AuthEvent)new ShadowUserAddedToGroup { User = user, By = by, Group = group, Database = database.HasValue ? database.Value : null }
                : new ShadowUserRemovedFromGroup { User = user, By = by, Group = group, Database = database.HasValue ? database.Value : null },
            Word,
            Switch((" added by ", Parser<char>.Return(true)), (" removed by ", Parser<char>.Return(false))),
            Word,
            Switch((" to group ", Word), (" from group ", Word)),
            Literal(" in ").Then(Rest).Maybe().Before(End));

    // "failed adding user '%s', exit code: %d" (useradd fail_exit, shadow PR #296, merged 2020-11) and "failed adding user `%s', data deleted"
    // (shadow 4.1)
    private static readonly Parser<char, AuthEvent> FailedAddingUser =
        Parser.Map(
            (user, code) => (AuthEvent)new ShadowUserAddFailed { User = user, ExitCode = code },
            Quoted,
            Switch((", exit code: ", Integer.Select(c => (int?)c)), (", data deleted", Parser<char>.Return((int?)null))).Before(End));

    // "remove group `%s'\n" (groupdel of shadow 4.0 and 4.1)
    private static readonly Parser<char, AuthEvent> RemoveGroup =
        Quoted.Before(NewlineEnd).Select(group => (AuthEvent)new ShadowGroupDeleted { Group = group });

    // "changed user '%s' information" (chfn) and "changed user '%s' shell to '%s'" (chsh), `%s' in older shadow
    private static readonly Parser<char, AuthEvent> ChangedUser =
        Quoted.Then(
            Switch(
                (" information", End.ThenReturn(new Changed(ShadowUserChange.Information, null, null))),
                (" shell to ", Quoted.Before(End).Select(shell => new Changed(ShadowUserChange.Shell, null, shell)))),
            (user, c) => (AuthEvent)new ShadowUserModified { User = user, Change = c.Change, From = c.From, To = c.To });

    /// <summary>A whole shadow-utils line, dispatched on its leading words.</summary>
    public static readonly Parser<char, AuthEvent> Body = Switch(
        ("new user: ", NewUser),
        ("new group: ", NewGroup),
        ("group added to ", GroupAdded),
        ("add ", AddToGroup),
        ("delete user ", DeleteUser),
        ("delete ", DeleteFromGroup),
        ("removed group ", RemovedGroup(shadow: false)),
        ("removed shadow group ", RemovedGroup(shadow: true)),
        ("group ", GroupRemoved),
        ("password for ", PasswordChanged),
        ("change user name ", ChangeUserName),
        ("change user ", ChangeUser),
        ("lock user ", LockUser(ShadowUserChange.PasswordLocked)),
        ("unlock user ", LockUser(ShadowUserChange.PasswordUnlocked)),
        ("changed password expiry for ", ChangedExpiry),
        ("user ", GpasswdMember),
        ("failed adding user ", FailedAddingUser),
        ("remove group ", RemoveGroup),
        ("changed user ", ChangedUser));
}
