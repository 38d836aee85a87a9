namespace LogParsing.Benchmarks;

/// <summary>
/// A seeded generator of realistic auth.log lines (an internet-facing host: mostly sshd probes, some PAM and cron;
/// each probe's two to four lines from one host, and half the probes from a few hundred hosts that keep coming back),
/// so every run and every machine measures the same input. Never written to the repository.
/// </summary>
public static class Corpus
{
    private static readonly string[] Users = ["root", "admin", "oracle", "azure", "pi", "ubuntu", "test", "git", "postgres", "user", "guest-olyoaf", "minecraft", "deploy"];
    private static readonly string[] Reasons = ["Bye Bye", "Normal Shutdown, Thank you for playing", "disconnected by user"];

    /// <summary>The average length in bytes (with its newline) of a corpus line, for MB/s figures.</summary>
    public static double AverageLineBytes { get; } = Lines(10_000).Average(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1);

    /// <summary><paramref name="count"/> lines, the same for the same <paramref name="seed"/>.</summary>
    public static string[] Lines(int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = new string[count];
        var time = new DateTime(2021, 5, 31, 0, 0, 0);
        var regulars = new string[500];
        for (var r = 0; r < regulars.Length; r++) regulars[r] = Address(random);
        var (connectionLines, pid, ip, port, user) = (0, 0, "", 0, "");
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(100, 4000));
            var stamp = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss}");
            // A probe leaves two to four lines (Invalid user, Received disconnect, Disconnected...) from one process, host
            // and port, and the same hosts come back: half the connections are from a few hundred regulars.
            if (connectionLines-- <= 0)
            {
                connectionLines = random.Next(1, 4);
                pid = random.Next(1000, 999999);
                ip = random.Next(2) == 0 ? regulars[random.Next(regulars.Length)] : Address(random);
                port = random.Next(1024, 65535);
                user = Users[random.Next(Users.Length)];
            }
            var message = random.Next(100) switch
            {
                < 20 => $"sshd[{pid}]: Invalid user {user} from {ip} port {port}",
                < 38 => $"sshd[{pid}]: Received disconnect from {ip} port {port}:11: {Reasons[random.Next(Reasons.Length)]} [preauth]",
                < 56 => $"sshd[{pid}]: Disconnected from invalid user {user} {ip} port {port} [preauth]",
                < 66 => $"sshd-session[{pid}]: Failed password for {(random.Next(2) == 0 ? "invalid user " : "")}{user} from {ip} port {port} ssh2",
                < 72 => $"sshd[{pid}]: Connection closed by authenticating user {user} {ip} port {port} [preauth]",
                < 76 => $"sshd[{pid}]: Connection reset by {ip} port {port} [preauth]",
                < 80 => $"sshd[{pid}]: Unable to negotiate with {ip} port {port}: no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1 [preauth]",
                < 83 => $"sshd[{pid}]: error: kex_exchange_identification: Connection closed by remote host",
                < 86 => $"sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={user}",
                < 90 => $"CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
                < 94 => $"CRON[{pid}]: pam_unix(cron:session): session closed for user root",
                < 97 => $"CRON[{pid}]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)",
                _ => $"sshd[{pid}]: Accepted publickey for deploy from {ip} port {port} ssh2: ED25519 SHA256:k1kjhwoH/H3w31MbGOIGd7qxrkSQJnoAN0eYJVHDmmI",
            };
            lines[i] = $"{stamp} nimbus {message}";
        }
        return lines;
    }

    private static string Address(Random random) =>
        $"{random.Next(1, 223)}.{random.Next(0, 255)}.{random.Next(0, 255)}.{random.Next(1, 254)}";
}
