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
        Assert.Equal(AuthOutcome.Success, e.Outcome);
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
        Assert.Equal(AuthOutcome.Success, e.Outcome);
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
    // every line that reports a completed change (useradd, groupadd, usermod, userdel, groupdel, passwd, chage, gpasswd)
    [InlineData("useradd[2291]", "new group: name=alice, GID=1001")]
    [InlineData("groupadd[2290]", "group added to /etc/gshadow: name=devs")]
    [InlineData("usermod[3001]", "add 'alice' to group 'sudo'")]
    [InlineData("gpasswd[4101]", "user alice removed by root from group docker")]
    [InlineData("userdel[5120]", "delete user 'alice'")]
    [InlineData("groupdel[6000]", "group 'devs' removed")]
    [InlineData("usermod[3001]", "lock user 'alice' password")]
    [InlineData("chage[8100]", "changed password expiry for alice")]
    public void Completed_account_changes_are_successes(string program, string message) =>
        Assert.Equal(AuthOutcome.Success, Event(program, message).Outcome);

    [Fact]
    public void Failed_useradd_is_a_failure_with_its_exit_code()
    {
        // useradd.c fail_exit: SYSLOG ((LOG_INFO, "failed adding user '%s', exit code: %d", user_name, code)) (shadow PR #296, 2020)
        var e = Assert.IsType<ShadowUserAddFailed>(Event("useradd[4003]", "failed adding user 'bob', exit code: 9"));
        Assert.Equal(("bob", (int?)9), (e.User, e.ExitCode));
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
        // shadow 4.1.1: "failed adding user `%s', data deleted"
        var old = Assert.IsType<ShadowUserAddFailed>(Event("useradd[4004]", "failed adding user `bob', data deleted"));
        Assert.Equal(("bob", (int?)null), (old.User, old.ExitCode));
    }

    [Fact]
    public void Userdel_own_group_line_may_end_in_an_escaped_newline()
    {
        // userdel.c: SYSLOG ((LOG_INFO, "removed group '%s' owned by '%s'\n", ...)); rsyslog escapes the newline as #012
        var e = Assert.IsType<ShadowGroupDeleted>(Event("userdel[5120]", "removed group 'bob' owned by 'bob'#012"));
        Assert.Equal(("bob", "bob"), (e.Group, e.Owner));
        Assert.IsType<ShadowGroupDeleted>(Event("userdel[5120]", "removed shadow group 'bob' owned by 'bob'#012"));
    }

    [Fact]
    public void Old_backtick_quoting_is_read_on_every_quoted_line()
    {
        // shadow 4.0/4.1 quoted names `like this'
        Assert.Equal("bob", Assert.IsType<ShadowUserDeleted>(Event("userdel[12]", "delete user `bob'#012")).User);
        var password = Assert.IsType<ShadowPasswordChanged>(Event("passwd[13]", "password for `bob' changed by `root'"));
        Assert.Equal(("bob", "root"), (password.User, password.By));
        var shell = Assert.IsType<ShadowUserModified>(Event("usermod[14]", "change user `bob' shell from `/bin/sh' to `/bin/bash'"));
        Assert.Equal(("bob", "/bin/sh", "/bin/bash"), (shell.User, shell.From, shell.To));
        var member = Assert.IsType<ShadowUserRemovedFromGroup>(Event("userdel[12]", "delete `bob' from group `wheel'"));
        Assert.Equal(("bob", "wheel"), (member.User, member.Group));
        // groupdel.c of shadow 4.0/4.1: SYSLOG ((LOG_INFO, "remove group `%s'\n", group_name))
        Assert.Equal("devs", Assert.IsType<ShadowGroupDeleted>(Event("groupdel[15]", "remove group `devs'")).Group);
    }

    [Fact]
    public void Chfn_and_chsh_changes_are_modifications()
    {
        // shadow src/chfn.c: "changed user '%s' information"; src/chsh.c: "changed user '%s' shell to '%s'"
        var info = Assert.IsType<ShadowUserModified>(Event("chfn[9001]", "changed user 'alice' information"));
        Assert.Equal(("alice", ShadowUserChange.Information, (string?)null), (info.User, info.Change, info.To));
        var shell = Assert.IsType<ShadowUserModified>(Event("chsh[9002]", "changed user 'alice' shell to '/usr/bin/zsh'"));
        Assert.Equal(("alice", ShadowUserChange.Shell, (string?)null, "/usr/bin/zsh"), (shell.User, shell.Change, shell.From, shell.To));
        Assert.Equal(AuthOutcome.Success, shell.Outcome);
    }

    [Theory]
    [InlineData("chfn[9001]")]
    [InlineData("chsh[9002]")]
    [InlineData("adduser[9003]")]
    [InlineData("chpasswd[9004]")]
    public void Pam_lines_of_the_newly_claimed_tools_stay_pam_events(string program)
    {
        // the pam_ message claim wins over the program's grammar
        Assert.IsType<PamPasswordChanged>(Event(program, "pam_unix(chfn:chauthtok): password changed for alice"));
    }

    [Fact]
    public void Adduser_tag_is_claimed_by_the_shadow_family()
    {
        // adduser runs useradd; a shadow line under adduser's tag (a wrapper relaying it) reads the same
        var entry = AuthLogParser.Default.Parse("Apr  3 10:15:42 web adduser[9003]: new user: name=carol, UID=1003, GID=1003, home=/home/carol, shell=/bin/bash");
        Assert.Equal("adduser", entry.Program);
        Assert.IsType<ShadowUserAdded>(entry.Event);
    }

    [Theory]
    [InlineData("usermod[3001]", "change 'alice' to 'alicia' in group 'sudo'")]
    [InlineData("passwd[7001]", "password locked for 'alice'")]
    [InlineData("useradd[2291]", "new user: name=alice, UID=1001")]
    [InlineData("useradd[2291]", "failed adding user 'alice', exit code: many")]
    public void Other_shadow_lines_are_unrecognized(string program, string message) =>
        Assert.IsType<UnrecognizedEvent>(Event(program, message));
}
