using LogParsing.Auth.Pam;
using LogParsing.Auth.Shadow;

namespace LogParsing.Tests.Auth.Shadow;

public class ShadowTests
{
    private static AuthEvent Event(string program, string message) =>
        AuthLogParser.Default.Parse($"Apr  3 10:15:42 web {program}: {message}").Event;

    [Fact]
    public void New_user_yields_uid_gid_home_shell_and_terminal()
    {
        var e = Assert.IsType<ShadowUserAdded>(Event("useradd[2291]", "new user: name=alice, UID=1001, GID=1001, home=/home/alice, shell=/bin/bash, from=/dev/pts/0"));
        Assert.Equal(("alice", 1001, 1001), (e.User, e.Uid, e.Gid));
        Assert.Equal(("/home/alice", "/bin/bash", "/dev/pts/0"), (e.Home, e.Shell, e.From));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void New_user_of_older_shadow_has_no_from_and_may_write_lower_case_ids()
    {
        var e = Assert.IsType<ShadowUserAdded>(Event("useradd[881]", "new user: name=deploy, UID=998, GID=998, home=/var/lib/deploy, shell=/usr/sbin/nologin"));
        Assert.Equal(("/usr/sbin/nologin", (string?)null), (e.Shell, e.From));
        var old = Assert.IsType<ShadowUserAdded>(Event("useradd[12]", "new user: name=bob, uid=500, gid=500, home=/home/bob, shell=/bin/sh"));
        Assert.Equal((500, 500), (old.Uid, old.Gid));
        var none = Assert.IsType<ShadowUserAdded>(Event("useradd[13]", "new user: name=svc, UID=997, GID=997, home=/nonexistent, shell=/usr/sbin/nologin, from=none"));
        Assert.Null(none.From);
    }

    [Fact]
    public void New_group_and_per_database_group_lines()
    {
        var summary = Assert.IsType<ShadowGroupAdded>(Event("groupadd[2290]", "new group: name=devs, GID=1002"));
        Assert.Equal(("devs", (int?)1002, (string?)null), (summary.Group, summary.Gid, summary.Database));
        var group = Assert.IsType<ShadowGroupAdded>(Event("groupadd[2290]", "group added to /etc/group: name=devs, GID=1002"));
        Assert.Equal(("devs", (int?)1002, "/etc/group"), (group.Group, group.Gid, group.Database));
        var gshadow = Assert.IsType<ShadowGroupAdded>(Event("groupadd[2290]", "group added to /etc/gshadow: name=devs"));
        Assert.Equal(("devs", (int?)null, "/etc/gshadow"), (gshadow.Group, gshadow.Gid, gshadow.Database));
    }

    [Fact]
    public void Add_to_group_in_both_quote_styles()
    {
        var e = Assert.IsType<ShadowUserAddedToGroup>(Event("usermod[3001]", "add 'alice' to group 'sudo'"));
        Assert.Equal(("alice", "sudo", false), (e.User, e.Group, e.ShadowGroup));
        var shadow = Assert.IsType<ShadowUserAddedToGroup>(Event("usermod[3001]", "add 'alice' to shadow group 'sudo'"));
        Assert.True(shadow.ShadowGroup);
        var old = Assert.IsType<ShadowUserAddedToGroup>(Event("useradd[77]", "add `bob' to group `wheel'"));
        Assert.Equal(("bob", "wheel"), (old.User, old.Group));
    }

    [Fact]
    public void Gpasswd_membership_names_who_and_where()
    {
        var added = Assert.IsType<ShadowUserAddedToGroup>(Event("gpasswd[4100]", "user alice added by root to group docker"));
        Assert.Equal(("alice", "root", "docker", (string?)null), (added.User, added.By, added.Group, added.Database));
        var removed = Assert.IsType<ShadowUserRemovedFromGroup>(Event("gpasswd[4101]", "user alice removed by root from group docker in /etc/gshadow"));
        Assert.Equal(("alice", "root", "docker", "/etc/gshadow"), (removed.User, removed.By, removed.Group, removed.Database));
    }

    [Fact]
    public void Userdel_lines_delete_user_memberships_and_own_group()
    {
        Assert.Equal("alice", Assert.IsType<ShadowUserDeleted>(Event("userdel[5120]", "delete user 'alice'")).User);
        var member = Assert.IsType<ShadowUserRemovedFromGroup>(Event("userdel[5120]", "delete 'alice' from group 'sudo'"));
        Assert.Equal(("alice", "sudo"), (member.User, member.Group));
        var own = Assert.IsType<ShadowGroupDeleted>(Event("userdel[5120]", "removed group 'alice' owned by 'alice'"));
        Assert.Equal(("alice", "alice", "alice", false), (own.Group, own.Owner, own.User, own.ShadowGroup));
        Assert.True(Assert.IsType<ShadowGroupDeleted>(Event("userdel[5120]", "removed shadow group 'alice' owned by 'alice'")).ShadowGroup);
    }

    [Fact]
    public void Trailing_newline_escaped_by_rsyslog_is_accepted()
    {
        Assert.IsType<ShadowUserDeleted>(Event("userdel[5120]", "delete user 'alice'#012"));
    }

    [Fact]
    public void Groupdel_lines_per_database_and_summary()
    {
        var e = Assert.IsType<ShadowGroupDeleted>(Event("groupdel[6000]", "group 'devs' removed from /etc/group"));
        Assert.Equal(("devs", "/etc/group", (string?)null), (e.Group, e.Database, e.Owner));
        Assert.Null(Assert.IsType<ShadowGroupDeleted>(Event("groupdel[6000]", "group 'devs' removed")).Database);
    }

    [Fact]
    public void Passwd_change_names_the_user_and_who_changed_it()
    {
        var e = Assert.IsType<ShadowPasswordChanged>(Event("passwd[7001]", "password for 'alice' changed by 'root'"));
        Assert.Equal(("alice", "root"), (e.User, e.By));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Theory]
    [InlineData("change user 'alice' shell from '/bin/sh' to '/bin/bash'", ShadowUserChange.Shell, "/bin/sh", "/bin/bash")]
    [InlineData("change user 'alice' home from '/home/alice' to '/srv/alice'", ShadowUserChange.Home, "/home/alice", "/srv/alice")]
    [InlineData("change user 'alice' UID from '1001' to '2001'", ShadowUserChange.Uid, "1001", "2001")]
    [InlineData("change user 'alice' GID from '1001' to '100'", ShadowUserChange.Gid, "1001", "100")]
    [InlineData("change user 'alice' inactive from '-1' to '30'", ShadowUserChange.Inactive, "-1", "30")]
    [InlineData("change user 'alice' expiration from 'never' to '2026-12-31'", ShadowUserChange.Expiration, "never", "2026-12-31")]
    [InlineData("change user name 'alice' to 'alicia'", ShadowUserChange.Name, "alice", "alicia")]
    [InlineData("lock user 'alice' password", ShadowUserChange.PasswordLocked, null, null)]
    [InlineData("unlock user 'alice' password", ShadowUserChange.PasswordUnlocked, null, null)]
    [InlineData("change user 'alice' password", ShadowUserChange.Password, null, null)]
    public void Usermod_changes_name_what_changed(string message, ShadowUserChange change, string? from, string? to)
    {
        var e = Assert.IsType<ShadowUserModified>(Event("usermod[3001]", message));
        Assert.Equal(("alice", change, from, to), (e.User, e.Change, e.From, e.To));
    }

    [Fact]
    public void Password_changed_through_pam_is_a_pam_event_naming_the_user()
    {
        // Debian and Ubuntu build passwd with PAM: the change is logged by pam_unix, not by passwd itself.
        var e = Assert.IsType<PamPasswordChanged>(Event("passwd[7002]", "pam_unix(passwd:chauthtok): password changed for alice"));
        Assert.Equal(("pam_unix", "passwd", "chauthtok", "alice"), (e.Module, e.Service, e.Type, e.User));
        // A completed account change.
        Assert.Equal(AuthOutcome.Success, e.Outcome);
        Assert.IsType<PamPasswordChanged>(Event("chpasswd[7003]", "pam_unix(chpasswd:chauthtok): password changed for bob"));
    }

    [Fact]
    public void Chage_expiry_change_is_a_modification()
    {
        var e = Assert.IsType<ShadowUserModified>(Event("chage[8100]", "changed password expiry for alice"));
        Assert.Equal(("alice", ShadowUserChange.PasswordExpiry), (e.User, e.Change));
    }

    [Theory]
    [InlineData("usermod[3001]", "change 'alice' to 'alicia' in group 'sudo'")]
    [InlineData("passwd[7001]", "password locked for 'alice'")]
    [InlineData("useradd[2291]", "failed adding user 'alice', exit code: 12")]
    [InlineData("useradd[2291]", "new user: name=alice, UID=1001")]
    public void Other_shadow_lines_are_unrecognized(string program, string message) =>
        Assert.IsType<UnrecognizedEvent>(Event(program, message));
}
