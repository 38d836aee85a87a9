using LogParsing.Auth.Pam;
using LogParsing.Auth.Shadow;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Su;
using LogParsing.Auth.Sudo;

namespace LogParsing.Elastic;

/// <summary>
/// What Elastic's <c>system.auth</c> ingest pipeline (elastic/integrations, <c>packages/system/data_stream/auth</c>,
/// <c>message.yml@19bd5ed0</c> and the 2026 pipeline-test fixtures) sets for each event, read from our records instead of
/// its grok patterns. docs/ecs.md has the table and where we differ, and why.
/// </summary>
internal static class EcsMapping
{
    public static EcsFields Map(AuthLogEntry entry)
    {
        var f = new EcsFields();
        var evt = entry.Event;
        // Our Remote is read from where the program writes it, never from a client-chosen field; an ambiguous line has none.
        if (!evt.RemoteAmbiguous && evt.Remote is { } remote) f.Source = remote;
        switch (evt)
        {
            case SshdAcceptedAuthentication a:
                SshLogin(f, "Accepted", a.Method, success: true);
                f.SshSignature = a.Details ?? Join(a.KeyType, a.Fingerprint);
                break;
            case SshdFailedAuthentication x:
                SshLogin(f, "Failed", x.Method, success: false);
                f.SshSignature = x.Details;
                break;
            case SshdInvalidUser:
                SshLogin(f, "Invalid", null, success: false);
                break;
            case SshdNoIdentification when evt.Remote?.Address is { } dropped:
                f.SshDroppedIp = dropped.ToString();
                f.SourceAddress = false;
                break;
            case SudoCommand s:
                Sudo(f, s);
                break;
            case PamEvent p:
                Pam(f, p);
                break;
            case PamMoreFailures:
                // "PAM 2 more authentication failures; ..." contains "authentication failure": the pipeline's substring rule.
                AuthenticationFailure(f, "authentication_failure");
                break;
            case PamPasswordCheckFailed:
                AuthenticationFailure(f, "authentication_failure");
                break;
            case ShadowUserAdded u:
                f.Action = "user-created";
                f.UserName = f.TargetName = u.User;
                f.UserId = f.TargetId = Number(u.Uid);
                f.GroupId = Number(u.Gid);
                f.UserAdd = true;
                f.UserAddHome = u.Home;
                f.UserAddShell = u.Shell;
                f.UserAddFrom = u.From;
                break;
            case ShadowGroupAdded g:
                f.Action = "group-created";
                f.GroupName = g.Group;
                f.GroupId = g.Gid is { } gid ? Number(gid) : null;
                break;
            case ShadowUserAddedToGroup a when a.By is not null:
                GroupChange(f, "group-user-added", a.By, a.User, a.Group);
                break;
            case ShadowUserAddedToGroup a:
                f.Action = "group-member-added";
                f.UserName = a.User;
                f.GroupName = a.Group;
                break;
            case ShadowUserRemovedFromGroup r when r.By is not null:
                GroupChange(f, "group-user-removed", r.By, r.User, r.Group);
                break;
            case ShadowUserRemovedFromGroup r:
                f.Action = "group-member-removed";
                f.TargetName = r.User;
                f.GroupName = r.Group;
                break;
            case ShadowUserDeleted:
                f.Action = "user-deleted";
                f.UserName = f.TargetName = evt.User;
                break;
            case ShadowGroupDeleted g:
                // userdel's "removed group 'x'" without an owner has no action in the integration's fixtures; the rest are group-deleted.
                if (g.Owner is not null || entry.Program != "userdel") f.Action = "group-deleted";
                f.GroupName = g.Group;
                f.TargetName = g.Owner;
                break;
            case ShadowPasswordChanged p:
                // The integration reads nothing here; the actor and the account are what ECS's user.* and user.target.* are for.
                f.UserName = p.By;
                f.TargetName = p.User;
                break;
            case SuSession s:
                f.UserName = s.User;
                f.EffectiveName = s.Target;
                break;
            case SuFailed s:
                f.UserName = s.User;
                f.EffectiveName = s.Target;
                break;
            case UnrecognizedEvent:
                Unrecognized(f, entry.Message);
                break;
        }
        if (f.UserName is null && f.EffectiveName is null && f.TargetName is null) f.UserName = evt.User;
        IamByProgram(f, entry);
        return f;
    }

    private static void SshLogin(EcsFields f, string sshEvent, string? method, bool success)
    {
        // The pipeline's painless script replaces, not appends: these are the whole category and type.
        f.SshEvent = sshEvent;
        f.SshMethod = method;
        f.Action = "ssh_login";
        f.Category("authentication");
        if (success) f.Category("session");
        f.Type("info");
        f.Outcome = success ? "success" : "failure";
    }

    private static void AuthenticationFailure(EcsFields f, string action)
    {
        f.Action = action;
        f.Category("authentication");
        f.Type("info");
        f.Outcome = "failure";
    }

    private static void GroupChange(EcsFields f, string action, string by, string? user, string group)
    {
        f.Action = action;
        f.Category("iam");
        f.Type("change");
        f.Outcome = "success";
        f.UserName = by;
        f.TargetName = user;
        f.GroupName = group;
    }

    private static void Sudo(EcsFields f, SudoCommand s)
    {
        f.Category("process");
        f.UserName = s.User;
        f.EffectiveName = s.RunAs;
        f.Sudo = true;
        f.SudoCommand = s.Command;
        f.SudoPwd = s.Pwd;
        f.SudoTty = s.Tty;
        f.SudoUser = s.RunAs;
        f.SudoError = s.Reason is null ? null : s.Error is null ? s.Reason : s.Reason + " : " + s.Error;
        if (SystemctlService(s.Command, out var verb, out var service))
        {
            f.Action = verb == "start" ? "service-start" : "service-stop";
            f.Type(verb == "start" ? "start" : "end");
            f.ServiceName = service;
        }
        else
        {
            f.Type("start");
        }
    }

    /// <summary><c>/bin/systemctl start rsyslog</c>: the verb (start or stop) and the unit, as written.</summary>
    private static bool SystemctlService(string command, out string verb, out string service)
    {
        verb = service = "";
        var span = command.AsSpan();
        var space = span.IndexOf(' ');
        if (space < 0) return false;
        var program = span[..space];
        if (!program.SequenceEqual("systemctl") && !program.EndsWith("/systemctl", StringComparison.Ordinal)) return false;
        var rest = span[(space + 1)..];
        if (rest.StartsWith("start ", StringComparison.Ordinal)) verb = "start";
        else if (rest.StartsWith("stop ", StringComparison.Ordinal)) verb = "stop";
        else return false;
        var unit = rest[(verb.Length + 1)..];
        var end = unit.IndexOf(' ');
        if (end >= 0) unit = unit[..end];
        if (unit.IsEmpty) return false;
        service = unit.ToString();
        return true;
    }

    private static void Pam(EcsFields f, PamEvent p)
    {
        var unix = p.Module == "pam_unix";
        switch (p)
        {
            case PamSessionOpened o:
                f.Action = "logged-on";
                // "session opened for user root by alice(uid=1000)": the caller is the actor, the session's user the effective one.
                // For "by (uid=0)" the pipeline's caller capture is empty, and it writes user.name "" (its fixture F-13); so do we.
                f.UserName = o.By ?? "";
                f.UserId = o.ByUid is { } byUid ? Number(byUid) : null;
                f.EffectiveName = o.User;
                f.EffectiveId = o.Uid is { } uid ? Number(uid) : null;
                break;
            case PamSessionClosed:
                f.Action = "logged-off";
                break;
            case PamAuthenticationFailure:
                AuthenticationFailure(f, "authentication_failure");
                break;
            case PamPasswordChanged when unix && p.Type == "chauthtok":
                f.Action = "password-changed";
                f.Category("iam");
                f.Type("change");
                f.Outcome = "success";
                f.UserName = f.TargetName = p.User;
                return;
            case PamAccountLocked when p.Module == "pam_faillock":
                AuthenticationFailure(f, "account-locked");
                break;
        }
        if (unix) PamUnixCategory(f, p.Type, p.Outcome == AuthOutcome.Failure);
    }

    /// <summary>The pipeline's <c>pam_unix(service:type)</c> rule: sessions are <c>session</c>, auth lines <c>authentication</c>.</summary>
    /// <remarks>
    /// The pipeline calls every <c>pam_unix(...:auth)</c> line without "authentication failure" a success, <c>check pass; user
    /// unknown</c> included; we keep failure for the lines that say one (docs/ecs.md, "Where we differ").
    /// </remarks>
    private static void PamUnixCategory(EcsFields f, string type, bool failure)
    {
        switch (type)
        {
            case "session":
                f.Category("session");
                break;
            case "auth":
                f.Category("authentication");
                f.Outcome ??= failure ? "failure" : "success";
                break;
            case "chauthtok" when f.Action is null:
                f.Action = "password-changed";
                f.Category("iam");
                f.Type("change");
                f.Outcome = "failure";
                break;
        }
    }

    /// <summary>A line no grammar of ours reads still gets the pipeline's rules that look only at its text.</summary>
    private static void Unrecognized(EcsFields f, string message)
    {
        // The pipeline's "by user X$" (sshd's "subsystem request for sftp by user alice"): a last word, so no earlier text moves it.
        var by = message.LastIndexOf(" by user ", StringComparison.Ordinal);
        if (by >= 0 && message.AsSpan(by + " by user ".Length) is { IsEmpty: false } name && name.IndexOf(' ') < 0) f.UserName = name.ToString();
        if (message.Contains("authentication failure", StringComparison.Ordinal)) AuthenticationFailure(f, "authentication_failure");
        if (message.Contains("session opened", StringComparison.Ordinal)) f.Action = "logged-on";
        else if (message.Contains("session closed", StringComparison.Ordinal)) f.Action = "logged-off";
        if (!message.StartsWith("pam_unix(", StringComparison.Ordinal)) return;
        var tag = message.AsSpan("pam_unix(".Length);
        var colon = tag.IndexOf(':');
        var close = tag.IndexOf(')');
        if (colon < 0 || close < colon) return;
        var type = tag[(colon + 1)..close];
        PamUnixCategory(f, type.SequenceEqual("session") ? "session" : type.SequenceEqual("auth") ? "auth" : type.SequenceEqual("chauthtok") ? "chauthtok" : "", f.Outcome == "failure");
    }

    /// <summary>
    /// The pipeline's rule by program: every line of shadow-utils' user and group tools is <c>iam</c>, with a type from
    /// the tool's name, and a success unless it says "fail".
    /// </summary>
    private static void IamByProgram(EcsFields f, AuthLogEntry entry)
    {
        var (kind, change) = entry.Program switch
        {
            "useradd" => ("user", "creation"),
            "userdel" => ("user", "deletion"),
            "usermod" => ("user", "change"),
            "groupadd" => ("group", "creation"),
            "groupdel" => ("group", "deletion"),
            "groupmod" => ("group", "change"),
            _ => (null, null),
        };
        if (kind is null || change is null) return;
        f.Category("iam");
        f.Outcome = entry.Message.Contains("fail", StringComparison.Ordinal) ? "failure" : "success";
        f.Type(kind);
        f.Type(change);
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
