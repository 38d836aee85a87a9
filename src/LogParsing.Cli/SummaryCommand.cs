using System.CommandLine;
using LogParsing.Analysis;
using LogParsing.Analysis.Geo;
using LogParsing.Analysis.Detections;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary><c>authlog summary [paths...]</c>: counts by event type, failures per hour, top hosts and names, accepted logins.</summary>
internal static class SummaryCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = Inputs.PathsArgument();
        var filter = new EntryFilter();
        var top = new Option<int>("--top") { Description = "Rows in the host, user and accepted-login tables.", DefaultValueFactory = _ => 10 };
        // The detections section roughly doubles the time of a summary of a big log (docs/benchmarks.md): a way out.
        var noDetections = new Option<bool>("--no-detections") { Description = "Leave out the Detections section (faster on big logs)." };
        var common = new CommonOptions();
        var geo = new GeoOptions();
        var command = new Command("summary", """
            Summarise auth logs: time span, lines read, events by type, failures per hour,
            top remote hosts by failures, top user names tried, accepted logins.
            fail2ban logs among the paths (by name) add what fail2ban banned. A directory
            stands for the log files in it.

            Examples:
              authlog summary                                  /var/log/auth.log and its rotation set
              authlog summary docs/samples/auth.log
              authlog summary docs/samples --year 2021        auth.log and fail2ban.log side by side
              authlog summary /var/log/auth.log.2.gz --year 2021 --tz UTC
              authlog summary --since 1d --program sshd-session
              zcat auth.log.*.gz | authlog summary -
              authlog summary --geoip /var/lib/GeoIP/GeoLite2-City.mmdb --asn /var/lib/GeoIP/GeoLite2-ASN.mmdb
            """)
        {
            paths,
            top,
            noDetections,
        };
        filter.AddTo(command);
        common.AddTo(command);
        geo.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths);
            var journalctl = parse.GetValue(common.Journalctl)!;
            var source = Inputs.ResolveAuth(given, parse.GetValue(common.Journal), journalctl, AuthLogCli.DefaultAuthLog, console.Error);
            var options = common.ReaderOptions(parse);
            var isDefault = source.IsDefault;
            var authSource = source with { Files = source.Files.Where(f => !Inputs.IsFail2BanLog(f)).ToList() };
            var fail2banFiles = source.Files.Where(Inputs.IsFail2BanLog).ToList();
            var matches = filter.Build(parse, options, out var since);
            using var databases = geo.Open(parse);
            var places = databases is null ? null : new GeoSummaryBuilder(databases);
            var detections = new List<Detection>();
            var summary = await ReadProgress.RunAsync(console, authSource.Files, async progress =>
            {
                var builder = new AuthLogSummaryBuilder();
                // The detections section (issue 18): the same rules as authlog detect, fed alongside, addresses filled per connection.
                // They run on another thread, a batch at a time: on a second core they cost the summary little time.
                var detector = parse.GetValue(noDetections) ? null : new Detector();
                var correlator = new SessionCorrelator();
                using var detecting = detector is null ? null : new BatchedWorker<AuthLogEntry>(e => detections.AddRange(detector.Add(correlator.Enrich(e))), cancellationToken);
                await foreach (var entry in Inputs.ReadAuthAsync(authSource, options with { Progress = progress }, journalctl, since, cancellationToken).ConfigureAwait(false))
                {
                    if (!matches(entry)) continue;
                    builder.Add(entry);
                    places?.Add(entry);
                    if (detecting is not null) await detecting.AddAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                if (detecting is not null) await detecting.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return builder.Build();
            }).ConfigureAwait(false);
            SummaryView.Write(console.Out, summary, authSource.Names, Math.Max(1, parse.GetValue(top)));
            if (places is not null) GeoSummaryView.Write(console.Out, places.Build(), Math.Max(1, parse.GetValue(top)));
            if (!parse.GetValue(noDetections)) DetectCommand.WriteCounts(console.Out, detections);
            if (fail2banFiles.Count > 0)
            {
                var report = await Fail2BanReport.CreateAsync(
                    Inputs.ReadFail2BanAsync(fail2banFiles, isDefault, options, cancellationToken), cancellationToken).ConfigureAwait(false);
                console.Out.WriteLine();
                BansCommand.Write(console.Out, report, fail2banFiles);
            }
            return AuthLogCli.Ok;
        });
        return command;
    }
}
