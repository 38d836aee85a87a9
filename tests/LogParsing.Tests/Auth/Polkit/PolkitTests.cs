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
    public void Other_polkitd_lines_are_unrecognized()
    {
        Assert.IsType<UnrecognizedEvent>(Entry("Oct 06 06:17:23 web polkitd[334]: Loading rules from directory /etc/polkit-1/rules.d").Event);
    }
}
