using System.Globalization;

namespace LogParsing.Benchmarks;

/// <summary>
/// Seeded auth.log lines of one family at a time, for <see cref="FamilyBenchmarks"/>: <c>sshd</c> (the corpus's sshd
/// lines), <c>pam</c> (pam_unix lines of sshd, cron, sudo and systemd --user) and <c>cron-sudo-logind</c> (a cron job's
/// session and command, a sudo command and its session, a login's logind session, in the order they are written).
/// Never written to the repository.
/// </summary>
public static class FamilyCorpus
{
    /// <summary>The families, as <see cref="FamilyBenchmarks.Family"/> names them.</summary>
    public static readonly string[] Families = ["sshd", "pam", "cron-sudo-logind"];

    private static readonly string[] Probed = ["root", "admin", "oracle", "ubuntu", "test", "git", "postgres", "user"];
    private static readonly (string Name, int Uid)[] Logins = [("alice", 1000), ("bob", 1001), ("deploy", 1002), ("ubuntu", 1003)];
    private static readonly (string User, int Uid, string Command)[] Jobs =
    [
        ("root", 0, "cd / && run-parts --report /etc/cron.hourly"),
        ("root", 0, "command -v debian-sa1 > /dev/null && debian-sa1 1 1"),
        ("root", 0, "[ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi"),
        ("www-data", 33, "php -f /var/www/nextcloud/cron.php"),
        ("deploy", 1002, "/home/deploy/bin/backup.sh > /dev/null 2>&1"),
    ];
    private static readonly string[] SudoCommands =
    [
        "/usr/bin/apt update", "/usr/bin/systemctl restart nginx", "/usr/bin/tail -n 100 /var/log/auth.log",
        "/usr/bin/docker ps -a", "/usr/bin/journalctl -u ssh --since today",
    ];

    private static readonly Dictionary<string, double> AverageBytes = [];

    /// <summary><paramref name="count"/> lines of <paramref name="family"/>, the same for the same <paramref name="seed"/>.</summary>
    public static string[] Lines(string family, int count, int seed = 42) => family switch
    {
        "sshd" => Sshd(count, seed),
        "pam" => Pam(count, seed),
        "cron-sudo-logind" => CronSudoLogind(count, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "not a family"),
    };


    // The real mix's own sshd lines (both stamp forms and the repeat summaries; its pam_unix lines left out), so this
    // suite and LineParsing read the same forms.
    private static string[] Sshd(int count, int seed)
    {
        var lines = new List<string>(count);
        for (var size = count * 2; lines.Count < count; size *= 2)
        {
            lines.Clear();
            foreach (var line in Corpus.Lines(size, seed))
            {
                if (line.Contains(" nimbus sshd", StringComparison.Ordinal) && !line.Contains(": pam_", StringComparison.Ordinal)) lines.Add(line);
                if (lines.Count == count) break;
            }
        }
        return [.. lines];
    }

    private static string[] Pam(int count, int seed)
    {
        var random = new Random(seed);
        var time = new DateTime(2021, 5, 31, 0, 0, 0);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(100, 4000));
            var pid = random.Next(1000, 999999);
            var ip = $"{random.Next(1, 223)}.{random.Next(0, 255)}.{random.Next(0, 255)}.{random.Next(1, 254)}";
            var probed = Probed[random.Next(Probed.Length)];
            var (login, uid) = Logins[random.Next(Logins.Length)];
            lines[i] = Stamp(time) + random.Next(100) switch
            {
                < 30 => $"sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={probed}",
                < 38 => $"sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}",
                < 46 => $"sshd[{pid}]: pam_unix(sshd:auth): check pass; user unknown",
                < 56 => $"CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
                < 66 => $"CRON[{pid}]: pam_unix(cron:session): session closed for user root",
                < 74 => $"sshd-session[{pid}]: pam_unix(sshd:session): session opened for user {login}(uid={uid}) by (uid=0)",
                < 82 => $"sshd-session[{pid}]: pam_unix(sshd:session): session closed for user {login}",
                < 88 => $"sudo: pam_unix(sudo:session): session opened for user root(uid=0) by {login}(uid={uid})",
                < 94 => "sudo: pam_unix(sudo:session): session closed for user root",
                // systemd has no grammar of its own: the PAM prefix is read whatever program wrote it.
                _ => $"systemd[{pid}]: pam_unix(systemd-user:session): session opened for user {login}(uid={uid}) by (uid=0)",
            };
        }
        return lines;
    }

    private static string[] CronSudoLogind(int count, int seed)
    {
        var random = new Random(seed);
        var time = new DateTime(2021, 5, 31, 0, 0, 0);
        var lines = new string[count];
        var pending = new Queue<string>();
        var session = 1;
        const int logindPid = 612;
        for (var i = 0; i < count; i++)
        {
            // Each job, command or login writes its few lines together.
            if (pending.Count == 0)
            {
                var (login, uid) = Logins[random.Next(Logins.Length)];
                switch (random.Next(100))
                {
                    case < 40:
                        var (user, userUid, job) = Jobs[random.Next(Jobs.Length)];
                        var pid = random.Next(1000, 999999);
                        pending.Enqueue($"CRON[{pid}]: pam_unix(cron:session): session opened for user {user}(uid={userUid}) by (uid=0)");
                        pending.Enqueue($"CRON[{pid}]: ({user}) CMD ({job})");
                        pending.Enqueue($"CRON[{pid}]: pam_unix(cron:session): session closed for user {user}");
                        break;
                    case < 67:
                        var tty = $"pts/{random.Next(4)}";
                        pending.Enqueue($"sudo: {login,8} : TTY={tty} ; PWD=/home/{login} ; USER=root ; COMMAND={SudoCommands[random.Next(SudoCommands.Length)]}");
                        pending.Enqueue($"sudo: pam_unix(sudo:session): session opened for user root(uid=0) by {login}(uid={uid})");
                        pending.Enqueue("sudo: pam_unix(sudo:session): session closed for user root");
                        break;
                    case < 70:
                        pending.Enqueue($"sudo: {login,8} : user NOT in sudoers ; TTY=pts/{random.Next(4)} ; PWD=/home/{login} ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow");
                        break;
                    default:
                        var id = session++.ToString(CultureInfo.InvariantCulture);
                        pending.Enqueue($"systemd-logind[{logindPid}]: New session {id} of user {login}.");
                        if (random.Next(2) == 0) pending.Enqueue($"systemd-logind[{logindPid}]: Session {id} logged out. Waiting for processes to exit.");
                        pending.Enqueue($"systemd-logind[{logindPid}]: Removed session {id}.");
                        break;
                }
            }
            time = time.AddMilliseconds(random.Next(10, 2000));
            lines[i] = Stamp(time) + pending.Dequeue();
        }
        return lines;
    }

    private static string Stamp(DateTime time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss} nimbus ");
}
