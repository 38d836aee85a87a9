using LogParsing.Auth.Polkit;

namespace LogParsing.Tests.Auth.Polkit;

public class PolkitTests
{
    private static AuthLogEntry Entry(string line) => AuthLogParser.Default.Parse(line);

    [Fact]
    public void Successful_authentication_yields_operator_identity_action_and_owner()
    {
        var e = Assert.IsType<PolkitAuthenticated>(Entry("Jun  2 14:03:51 desk polkitd[1021]: Operator of unix-session:1 successfully authenticated as unix-user:root to gain TEMPORARY authorization for action org.freedesktop.policykit.exec for system-bus-name::1.92 [pkexec /usr/bin/id] (owned by unix-user:alice)").Event);
        Assert.Equal(("unix-session:1", "unix-user:root", "TEMPORARY"), (e.Operator, e.Identity, e.Lifetime));
        Assert.Equal(("org.freedesktop.policykit.exec", "system-bus-name::1.92", "pkexec /usr/bin/id"), (e.Action, e.Subject, e.Command));
        Assert.Equal(("unix-user:alice", "alice"), (e.Owner, e.User));
        Assert.Equal(AuthOutcome.Success, e.Outcome);
    }

    [Fact]
    public void Failed_authentication_keeps_brackets_in_the_command()
    {
        var e = Assert.IsType<PolkitAuthenticationFailed>(Entry("Oct 19 09:46:45 ubuntu polkitd(authority=local): Operator of unix-session:2 FAILED to authenticate to gain authorization for action org.gtk.vfs.file-operations-helper for unix-process:15484:3049892 [/bin/sh -c pkexec /usr/lib/gvfs/gvfsd-admin \"$@\" --address $DBUS_SESSION_BUS_ADDRESS gvfsd-admin --spawner :1.22 /org/gtk/gvfs/exec_spaw/4] (owned by unix-user:ubuntu)").Event);
        Assert.Equal(("unix-session:2", "org.gtk.vfs.file-operations-helper", "unix-process:15484:3049892"), (e.Operator, e.Action, e.Subject));
        Assert.EndsWith("gvfsd-admin --spawner :1.22 /org/gtk/gvfs/exec_spaw/4", e.Command);
        Assert.Equal("ubuntu", e.User);
        Assert.Equal(AuthOutcome.Failure, e.Outcome);
    }

    [Fact]
    public void Old_polkitd_tag_with_authority_is_registered()
    {
        var entry = Entry("Oct 19 09:46:45 ubuntu polkitd(authority=local): Operator of unix-session:c2 FAILED to authenticate to gain authorization for action org.debian.pcsc-lite.access_pcsc for unix-process:4800:14441 [/usr/libexec/gsd-smartcard] (owned by unix-user:group)");
        Assert.Equal("polkitd(authority=local)", entry.Program);
        Assert.IsType<PolkitAuthenticationFailed>(entry.Event);
    }

    [Fact]
    public void Agent_registration_yields_subject_bus_name_and_command()
    {
        var e = Assert.IsType<PolkitAgentRegistered>(Entry("Oct 06 06:17:23 web polkitd[334]: Registered Authentication Agent for unix-process:7427:188476 (system bus name :1.99 [/usr/bin/pkttyagent --notify-fd 5 --fallback], object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale C)").Event);
        Assert.Equal(("unix-process:7427:188476", ":1.99", "/usr/bin/pkttyagent --notify-fd 5 --fallback"), (e.Subject, e.BusName, e.Command));
        Assert.Equal(("/org/freedesktop/PolicyKit1/AuthenticationAgent", "C"), (e.ObjectPath, e.Locale));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Agent_unregistration_says_whether_it_disconnected()
    {
        var gone = Assert.IsType<PolkitAgentUnregistered>(Entry("Oct 06 06:17:23 web polkitd[334]: Unregistered Authentication Agent for unix-process:7427:188476 (system bus name :1.99, object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale C) (disconnected from bus)").Event);
        Assert.Equal(("unix-process:7427:188476", ":1.99", "C"), (gone.Subject, gone.BusName, gone.Locale));
        Assert.True(gone.Disconnected);
        var clean = Assert.IsType<PolkitAgentUnregistered>(Entry("Oct 06 06:17:23 web polkitd[334]: Unregistered Authentication Agent for unix-session:3 (system bus name :1.45, object path /org/gnome/PolicyKit1/AuthenticationAgent, locale en_US.UTF-8)").Event);
        Assert.False(clean.Disconnected);
    }

    [Fact]
    public void Pkexec_executing_command_yields_caller_target_terminal_directory_and_command()
    {
        // pkexec.c log_message: "%s: %s [USER=%s] [TTY=%s] [CWD=%s] [COMMAND=%s]" with "Executing command" (polkit 0.120+ layout)
        var entry = Entry("May 31 07:07:22 host pkexec[3101]: alice: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/home/alice] [COMMAND=/usr/bin/id -u]");
        Assert.Equal("pkexec", entry.Program);
        var e = Assert.IsType<PolkitPkexecCommand>(entry.Event);
        Assert.Equal(("alice", "root", "/dev/pts/0"), (e.User, e.RunAs, e.Tty));
        Assert.Equal(("/home/alice", "/usr/bin/id -u"), (e.Pwd, e.Command));
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Pkexec_without_a_terminal_writes_unknown_which_is_null()
    {
        // pkexec.c: tty = ttyname (0); if (tty == NULL) tty = "unknown"
        var e = Assert.IsType<PolkitPkexecCommand>(Entry("May 31 07:07:22 host pkexec[3101]: alice: Executing command [USER=root] [TTY=unknown] [CWD=/home/alice] [COMMAND=/usr/lib/update-notifier/package-system-locked]").Event);
        Assert.Null(e.Tty);
        Assert.Equal("/usr/lib/update-notifier/package-system-locked", e.Command);
    }

    [Fact]
    public void Pkexec_not_authorized_is_a_failure_and_request_dismissed_is_not()
    {
        // pkexec.c: log_message (LOG_WARNING, TRUE, "Error executing command as another user: Not authorized") / "...: Request dismissed"
        var refused = Assert.IsType<PolkitPkexecRefused>(Entry("May 31 07:07:22 host pkexec[3102]: bob: Error executing command as another user: Not authorized [USER=root] [TTY=/dev/pts/0] [CWD=/tmp] [COMMAND=/bin/bash]").Event);
        Assert.Equal(("bob", "Not authorized", "root", "/bin/bash"), (refused.User, refused.Reason, refused.RunAs, refused.Command));
        Assert.Equal(AuthOutcome.Failure, refused.Outcome);
        var dismissed = Assert.IsType<PolkitPkexecRefused>(Entry("May 31 07:07:22 host pkexec[3103]: alice: Error executing command as another user: Request dismissed [USER=root] [TTY=unknown] [CWD=/home/alice] [COMMAND=/usr/bin/gparted]").Event);
        Assert.Equal("Request dismissed", dismissed.Reason);
        Assert.Equal(AuthOutcome.None, dismissed.Outcome);
    }

    [Fact]
    public void Pkexec_command_and_directory_chosen_by_the_caller_may_hold_the_field_markers()
    {
        // CWD and COMMAND are the caller's and unescaped: COMMAND is last and runs to the line's final "]"
        var e = Assert.IsType<PolkitPkexecRefused>(Entry("May 31 07:07:22 host pkexec[3104]: mallory: Error executing command as another user: Not authorized [USER=root] [TTY=/dev/pts/3] [CWD=/tmp/a] [b] [COMMAND=/bin/sh -c echo [USER=alice] [TTY=x]]").Event);
        Assert.Equal(("mallory", "root", "/dev/pts/3"), (e.User, e.RunAs, e.Tty));
        Assert.Equal(("/tmp/a] [b", "/bin/sh -c echo [USER=alice] [TTY=x]"), (e.Pwd, e.Command));
    }

    [Theory]
    // polkitd main.c: syslog (LOG_INFO, "Started polkitd version %s", VERSION)
    [InlineData("Started polkitd version 0.117", typeof(PolkitStarted))]
    // seen in /var/log/secure excerpts (not read in source)
    [InlineData("Acquired the name org.freedesktop.PolicyKit1 on the system bus", typeof(PolkitBusNameAcquired))]
    // polkitbackendjsauthority.cpp: "Loading rules from directory %s", "Finished loading, compiling and executing %d rules", "Error executing script %s"
    [InlineData("Loading rules from directory /etc/polkit-1/rules.d", typeof(PolkitRulesLoading))]
    [InlineData("Finished loading, compiling and executing 6 rules", typeof(PolkitRulesLoaded))]
    [InlineData("Error executing script /etc/polkit-1/rules.d/49-local.rules", typeof(PolkitScriptError))]
    public void Polkitd_housekeeping_lines_are_known_and_harmless(string message, Type type)
    {
        var e = Entry($"Jul  2 22:05:23 localhost polkitd[6039]: {message}").Event;
        Assert.IsType(type, e);
        Assert.Equal(AuthOutcome.None, e.Outcome);
    }

    [Fact]
    public void Polkitd_housekeeping_lines_keep_their_values()
    {
        Assert.Equal("124", Assert.IsType<PolkitStarted>(Entry("Feb 07 19:46:47 h polkitd[5922]: Started polkitd version 124").Event).Version);
        Assert.Equal("org.freedesktop.PolicyKit1", Assert.IsType<PolkitBusNameAcquired>(Entry("Jul  2 22:05:23 h polkitd[6039]: Acquired the name org.freedesktop.PolicyKit1 on the system bus").Event).Name);
        Assert.Equal("/usr/share/polkit-1/rules.d", Assert.IsType<PolkitRulesLoading>(Entry("Jul  2 22:05:23 h polkitd[6039]: Loading rules from directory /usr/share/polkit-1/rules.d").Event).Directory);
        Assert.Equal(2, Assert.IsType<PolkitRulesLoaded>(Entry("2026-01-28T09:59:42.941683+00:00 ip-172-31-10-242 polkitd[547]: Finished loading, compiling and executing 2 rules").Event).Count);
        Assert.Equal("/etc/polkit-1/rules.d/49-local.rules", Assert.IsType<PolkitScriptError>(Entry("Jul  2 22:05:23 h polkitd[6039]: Error executing script /etc/polkit-1/rules.d/49-local.rules").Event).Script);
    }

    [Theory]
    [InlineData("polkitd[334]", "Finished loading, compiling and executing many rules")]
    [InlineData("pkexec[3101]", "alice: Executing command")]
    [InlineData("pkexec[3101]", "alice: Cannot run program /bin/x: No such file or directory")]
    public void Other_polkit_lines_are_unrecognized(string program, string message) =>
        Assert.IsType<UnrecognizedEvent>(Entry($"Oct 06 06:17:23 web {program}: {message}").Event);
}
