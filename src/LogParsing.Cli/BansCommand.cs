using System.CommandLine;
using LogParsing.Analysis;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary><c>authlog bans [fail2ban.log...]</c>: banned hosts with their ban counts (repeat offenders first), current bans, bans per jail.</summary>
internal static class BansCommand
{
    public const string DefaultFail2BanLog = "/var/log/fail2ban.log";
    private const string Time = "yyyy-MM-dd HH:mm:ss";

    public static Command Create(CliConsole console)
    {
        var paths = Inputs.PathsArgument();
        paths.Description = "fail2ban logs (plain or gzip) or directories; '-' reads standard input. Default: /var/log/fail2ban.log and its rotated files.";
        var common = new CommonOptions();
        var command = new Command("bans", """
            What fail2ban did: every banned host with its ban count (repeat offenders first),
            hosts still banned at the end of the log, bans per jail.

            Examples:
              authlog bans                               /var/log/fail2ban.log and its rotation set
              authlog bans docs/samples/fail2ban.log
              authlog bans /var/log/fail2ban.log.2.gz --tz UTC
            """)
        {
            paths,
        };
        common.AddTo(command, journal: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths);
            var files = Inputs.Resolve(given, DefaultFail2BanLog);
            var options = common.ReaderOptions(parse);
            var report = await Fail2BanReport.CreateAsync(
                Inputs.ReadFail2BanAsync(files, given is not { Length: > 0 }, options, cancellationToken), cancellationToken).ConfigureAwait(false);
            Write(console.Out, report, files);
            return AuthLogCli.Ok;
        });
        return command;
    }

    public static void Write(IAnsiConsole console, Fail2BanReport r, IReadOnlyList<string> sources)
    {
        console.MarkupLine($"[bold]authlog bans[/] of {Safe.Markup(string.Join(", ", sources))}");
        console.MarkupLine($"Records:        {r.Entries}" + (r.First is { } f && r.Last is { } l ? $" from {f.ToString(Time)} to {l.ToString(Time)}" : ""));
        console.MarkupLine($"Bans:           {r.Bans} of {r.BannedHosts.Length} hosts ({r.BannedHosts.Count(h => h.IsRepeatOffender)} banned more than once), {r.Unbans} unbans");
        console.WriteLine();

        console.MarkupLine("[bold]Banned hosts[/] (repeat offenders first)");
        var hosts = new Table().AddColumn("host").AddColumn(new TableColumn("bans").RightAligned()).AddColumn("jails").AddColumn("first ban").AddColumn("last ban");
        foreach (var h in r.BannedHosts)
            hosts.AddRow(Safe.Markup(h.Target), h.Bans.ToString(), Safe.Markup(string.Join(",", h.Jails)), h.FirstBan.ToString(Time), h.LastBan.ToString(Time));
        console.Write(hosts);

        console.WriteLine();
        console.MarkupLine($"[bold]Currently banned[/] ({r.CurrentlyBanned.Length}, as of the last record)");
        var current = new Table().AddColumn("jail").AddColumn("host").AddColumn("since");
        foreach (var c in r.CurrentlyBanned) current.AddRow(Safe.Markup(c.Jail ?? "-"), Safe.Markup(c.Target), c.Since.ToString(Time));
        console.Write(current);

        console.WriteLine();
        console.MarkupLine("[bold]Bans per jail[/]");
        var jails = new Table().AddColumn("jail").AddColumn(new TableColumn("bans").RightAligned());
        foreach (var (jail, count) in r.BansPerJail) jails.AddRow(Safe.Markup(jail.Length == 0 ? "-" : jail), count.ToString());
        console.Write(jails);
    }
}
