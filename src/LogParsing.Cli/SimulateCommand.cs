using System.CommandLine;
using System.Globalization;
using LogParsing.Analysis;
using LogParsing.Analysis.Geo;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary><c>authlog simulate [paths...] --maxretry 5 --findtime 10m --bantime 10m</c>: the bans a fail2ban-like policy would have made.</summary>
internal static class SimulateCommand
{
    private const string Time = "yyyy-MM-dd HH:mm:ss";

    public static Command Create(CliConsole console)
    {
        var paths = Inputs.PathsArgument();
        var maxRetry = new Option<int>("--maxretry") { Description = "Failures that trigger a ban.", DefaultValueFactory = _ => 5 };
        var findTime = new Option<string>("--findtime") { Description = "The window they must fall in: 600, 10m, 1h, 1d.", DefaultValueFactory = _ => "10m" };
        var banTime = new Option<string>("--bantime") { Description = "How long a ban lasts (-1 for permanent).", DefaultValueFactory = _ => "10m" };
        var fail2ban = new Option<string[]>("--fail2ban") { Description = "fail2ban.log files to set the real bans beside the simulated ones; repeatable." };
        var filter = new EntryFilter();
        var common = new CommonOptions();
        var geo = new GeoOptions();
        var command = new Command("simulate", """
            Replay auth logs against a fail2ban-like jail: which hosts it would have banned, and when.
            Failures are the lines fail2ban's sshd filter counts in aggressive mode (docs/events.md).
            With --fail2ban, the bans fail2ban really made are set beside them.

            Examples:
              authlog simulate
              authlog simulate docs/samples/auth.log --year 2021 --maxretry 2 --findtime 1h
              authlog simulate /var/log/auth.log --fail2ban /var/log/fail2ban.log --bantime 1h
              authlog simulate --geoip GeoLite2-City.mmdb --asn GeoLite2-ASN.mmdb   country and network after each host
            """)
        {
            paths,
            maxRetry,
            findTime,
            banTime,
            fail2ban,
        };
        filter.AddTo(command);
        common.AddTo(command);
        geo.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var policy = new BanPolicy
            {
                MaxRetry = parse.GetValue(maxRetry) is var m && m >= 1 ? m : throw new CliUsageException("--maxretry must be at least 1."),
                FindTime = Duration(parse.GetValue(findTime)!, "--findtime"),
                BanTime = Duration(parse.GetValue(banTime)!, "--bantime"),
            };
            var journalctl = parse.GetValue(common.Journalctl)!;
            var source = Inputs.ResolveAuth(parse.GetValue(paths), parse.GetValue(common.Journal), journalctl, AuthLogCli.DefaultAuthLog, console.Error);
            var options = common.ReaderOptions(parse);
            var matches = filter.Build(parse, options, out var since);
            using var databases = geo.Open(parse);
            var bans = await ReadProgress.RunAsync(console, source.Files, progress => BanSimulator.SimulateAsync(
                Where(Inputs.ReadAuthAsync(source, options with { Progress = progress }, journalctl, since, cancellationToken), matches), policy, cancellationToken).AsTask()).ConfigureAwait(false);

            Fail2BanReport? real = null;
            if (parse.GetValue(fail2ban) is { Length: > 0 } realFiles)
                real = await Fail2BanReport.CreateAsync(Inputs.ReadFail2BanAsync(realFiles, false, options, cancellationToken), cancellationToken).ConfigureAwait(false);
            Write(console.Out, policy, bans, real, databases);
            return AuthLogCli.Ok;
        });
        return command;
    }

    private static async IAsyncEnumerable<AuthLogEntry> Where(IAsyncEnumerable<AuthLogEntry> entries, Func<AuthLogEntry, bool> matches)
    {
        await foreach (var entry in entries.ConfigureAwait(false))
            if (matches(entry)) yield return entry;
    }

    /// <summary>fail2ban's time forms: seconds (<c>600</c>), or a number with <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>, <c>w</c>; negative for permanent.</summary>
    internal static TimeSpan Duration(string text, string option)
    {
        text = text.Trim();
        if (text.StartsWith('-')) return Timeout.InfiniteTimeSpan;
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsAsciiLetter(unit) && text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0 || !double.IsFinite(n))
            throw new CliUsageException($"{option}: cannot read '{text}' as a duration (try 600, 10m, 1h, 1d).");
        var seconds = n * UnitSeconds(unit, option);
        // Longer than any log could span (DateTimeOffset covers 10,000 years): a typo, not a policy.
        if (seconds > MaxSeconds)
            throw new CliUsageException($"{option}: '{text}' is longer than 10,000 years.");
        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    private const double MaxSeconds = 10_000 * 365.25 * 86_400;

    internal static double UnitSeconds(char unit, string option) => unit switch
    {
        's' => 1,
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        'w' => 7 * 86_400,
        _ => throw new CliUsageException($"{option}: unknown unit '{unit}' (use s, m, h, d, w)."),
    };

    // The host with where it is, when --geoip/--asn know it: "89.160.20.156 [SE AS29518]".
    private static string HostAndWhere(string host, GeoDatabases? geo) =>
        geo is not null && System.Net.IPAddress.TryParse(host, out var address) && GeoOptions.Tag(geo.Lookup(address)) is { } tag ? host + " " + tag : host;

    private static void Write(IAnsiConsole console, BanPolicy policy, IReadOnlyList<SimulatedBan> bans, Fail2BanReport? real, GeoDatabases? geo)
    {
        var ban = policy.BanTime < TimeSpan.Zero ? "permanent" : policy.BanTime.ToString();
        console.MarkupLine($"[bold]authlog simulate[/]: maxretry {policy.MaxRetry}, findtime {policy.FindTime}, bantime {ban}");
        console.MarkupLine($"Simulated bans: {bans.Count} of {bans.Select(b => b.Host).Distinct().Count()} hosts");
        console.WriteLine();
        var table = new Table().AddColumn("ban start").AddColumn("ban end").AddColumn("host").AddColumn(new TableColumn("failures").RightAligned()).AddColumn(new TableColumn("ban #").RightAligned());
        foreach (var b in bans)
            table.AddRow(b.Start.ToString(Time), b.End?.ToString(Time) ?? "permanent", Safe.Markup(HostAndWhere(b.Host, geo)), b.Failures.ToString(), b.BanNumber.ToString());
        console.Write(table);
        if (real is null) return;

        console.WriteLine();
        console.MarkupLine("[bold]Simulated beside real[/] (fail2ban.log)");
        var simulated = bans.GroupBy(b => b.Host).ToDictionary(g => g.Key, g => (Count: g.Count(), First: g.Min(b => b.Start)));
        var realHosts = real.BannedHosts.ToDictionary(h => h.Target, StringComparer.Ordinal);
        var side = new Table().AddColumn("host").AddColumn(new TableColumn("simulated").RightAligned()).AddColumn("first simulated")
            .AddColumn(new TableColumn("real").RightAligned()).AddColumn("first real");
        foreach (var host in simulated.Keys.Union(realHosts.Keys).Order(StringComparer.Ordinal))
        {
            var s = simulated.GetValueOrDefault(host);
            var r = realHosts.GetValueOrDefault(host);
            side.AddRow(Safe.Markup(HostAndWhere(host, geo)), s.Count.ToString(), s.Count > 0 ? s.First.ToString(Time) : "-", (r?.Bans ?? 0).ToString(), r?.FirstBan.ToString(Time) ?? "-");
        }
        console.Write(side);
    }
}
