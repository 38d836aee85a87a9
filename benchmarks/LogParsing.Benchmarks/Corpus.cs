namespace LogParsing.Benchmarks;

/// <summary>
/// A seeded generator of the auth.log of a real exposed Ubuntu/Debian server, so every run and every machine measures the
/// same input: mostly sshd probes (each probe's lines from one process, host and port; half the probes from a few hundred
/// hosts that keep coming back), every failed password of an unknown user with pam_unix's <c>check pass; user unknown</c>
/// and its <c>authentication failure</c> line that ends in a space (linux-pam support.c writes <c>rhost=%s %s%s</c>),
/// rsyslog's repeat summaries, sudo, su, cron and logind lines, and about 3% lines no grammar knows (kernel, systemd).
/// The last 30% of the lines have RFC 3339 stamps, as a file that spans an upgrade to Debian 12's rsyslog has. Never
/// written to the repository.
/// </summary>
public static class Corpus
{
    private static readonly string[] Users = ["root", "admin", "oracle", "azure", "pi", "ubuntu", "test", "git", "postgres", "user", "guest-olyoaf", "minecraft", "deploy"];
    private static readonly string[] Reasons = ["Bye Bye", "Normal Shutdown, Thank you for playing", "disconnected by user"];
    private static readonly string[] Unknown =
    [
        "kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:aa:bb:cc SRC=192.0.2.44 DST=198.51.100.2 LEN=40 PROTO=TCP SPT=51234 DPT=23",
        "systemd[1]: Started Session 12 of User alice.",
        "systemd[1]: session-12.scope: Deactivated successfully.",
        "dbus-daemon[612]: [system] Successfully activated service 'org.freedesktop.hostname1'",
    ];

    /// <summary>The average length in bytes (with its newline) of a corpus line, for MB/s figures.</summary>
    public static double AverageLineBytes { get; } = Lines(10_000).Average(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1);

    /// <summary><paramref name="count"/> lines of the real mix, the same for the same <paramref name="seed"/>.</summary>
    public static string[] Lines(int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = new string[count];
        var time = new DateTime(2021, 5, 31, 0, 0, 0);
        var regulars = new string[500];
        for (var r = 0; r < regulars.Length; r++) regulars[r] = Address(random);
        var (connectionLines, pid, ip, port, user) = (0, 0, "", 0, "");
        var rfc3339From = count - count * 3 / 10;
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(100, 4000));
            var stamp = i >= rfc3339From
                ? time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss}");
            if (connectionLines-- <= 0)
            {
                connectionLines = random.Next(1, 4);
                pid = random.Next(1000, 999999);
                ip = random.Next(2) == 0 ? regulars[random.Next(regulars.Length)] : Address(random);
                port = random.Next(1024, 65535);
                user = Users[random.Next(Users.Length)];
            }
            var roll = random.Next(1000);
            // A failed password of an unknown user is three lines: pam_unix's two (the second ends in a space), then sshd's.
            if (roll < 90 && i + 2 < count)
            {
                lines[i++] = $"{stamp} nimbus sshd[{pid}]: pam_unix(sshd:auth): check pass; user unknown";
                lines[i++] = $"{stamp} nimbus sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip} ";
                lines[i] = $"{stamp} nimbus sshd[{pid}]: Failed password for invalid user {user} from {ip} port {port} ssh2";
                continue;
            }
            var message = roll switch
            {
                < 270 => $"sshd[{pid}]: Invalid user {user} from {ip} port {port}",
                < 400 => $"sshd[{pid}]: Received disconnect from {ip} port {port}:11: {Reasons[random.Next(Reasons.Length)]} [preauth]",
                < 530 => $"sshd[{pid}]: Disconnected from invalid user {user} {ip} port {port} [preauth]",
                < 590 => $"sshd-session[{pid}]: Failed password for {user} from {ip} port {port} ssh2",
                < 620 => $"sshd[{pid}]: message repeated {random.Next(2, 6)} times: [ Failed password for {user} from {ip} port {port} ssh2]",
                < 670 => $"sshd[{pid}]: Connection closed by authenticating user {user} {ip} port {port} [preauth]",
                < 700 => $"sshd[{pid}]: Connection reset by {ip} port {port} [preauth]",
                < 730 => $"sshd[{pid}]: Unable to negotiate with {ip} port {port}: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1 [preauth]",
                < 750 => $"sshd[{pid}]: error: kex_exchange_identification: Connection closed by remote host",
                < 770 => $"sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user=root",
                < 820 => $"CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
                < 870 => $"CRON[{pid}]: pam_unix(cron:session): session closed for user root",
                < 890 => $"CRON[{pid}]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)",
                < 905 => $"sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update",
                < 915 => $"sudo[{pid}]: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)",
                < 925 => $"su[{pid}]: pam_unix(su:session): session opened for user postgres(uid=113) by alice(uid=1000)",
                < 935 => $"systemd-logind[612]: New session {pid % 500} of user alice.",
                < 945 => $"systemd-logind[612]: Removed session {pid % 500}.",
                < 960 => $"sshd[{pid}]: Accepted publickey for deploy from {ip} port {port} ssh2: ED25519 SHA256:k1kjhwoH/H3w31MbGOIGd7qxrkSQJnoAN0eYJVHDmmI",
                < 966 => $"sshd[{pid}]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)",
                _ => Unknown[random.Next(Unknown.Length)],
            };
            lines[i] = $"{stamp} nimbus {message}";
        }
        return lines;
    }

    private static string Address(Random random) =>
        $"{random.Next(1, 223)}.{random.Next(0, 255)}.{random.Next(0, 255)}.{random.Next(1, 254)}";
}
