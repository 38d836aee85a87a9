using System.CommandLine;

namespace LogParsing.Cli;

/// <summary><c>authlog events [paths...]</c>: the entries themselves, filtered, as text, NDJSON or ECS.</summary>
internal static class EventsCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = Inputs.PathsArgument();
        var format = new Option<string>("--format") { Description = "text (default), ndjson (our field model), ecs (Elastic Common Schema, as Elastic's system.auth integration writes it) or es-bulk (Elasticsearch _bulk requests of those documents).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(EventWriter.Formats);
        var ns = EventWriter.NamespaceOption();
        var original = EventWriter.OriginalOption();
        var join = EventWriter.JoinOption();
        var geo = new GeoOptions();
        var filter = new EntryFilter();
        var common = new CommonOptions();
        var state = StateFile.Option();
        var command = new Command("events", """
            Print auth log entries, filtered: one line each as text, or one JSON object per line.

            Examples:
              authlog events --outcome failure --since 1h
              authlog events docs/samples/auth.log --year 2021 --since "May 31 07:00" --until "May 31 08:00"
              authlog events --type InvalidUser --format ndjson | jq -r .user | sort | uniq -c | sort -rn
              authlog events --host 192.0.2.0/24 --format ecs > auth-ecs.ndjson
              authlog events /var/log/auth.log* --format es-bulk | curl -s -H 'Content-Type: application/x-ndjson' --data-binary @- localhost:9200/_bulk
              authlog events --format ecs --geoip GeoLite2-City.mmdb --asn GeoLite2-ASN.mmdb
              authlog events --journal --since 1d                 the systemd journal (Debian 12+ without rsyslog)
              authlog events /var/log/auth.log --format es-bulk --state auth.state   only what is new since the last run
            """)
        {
            paths,
            format,
            ns,
            original,
            join,
            state,
        };
        geo.AddTo(command);
        filter.AddTo(command);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var journalctl = parse.GetValue(common.Journalctl)!;
            var source = Inputs.ResolveAuth(parse.GetValue(paths), parse.GetValue(common.Journal), journalctl, AuthLogCli.DefaultAuthLog, console.Error);
            var options = EventWriter.Apply(common.ReaderOptions(parse), parse.GetValue(format)!, parse.GetValue(original), parse.GetValue(join));
            StateFile? saved = null;
            if (parse.GetValue(state) is { } statePath)
            {
                StateFile.Check(source);
                saved = new StateFile(statePath, console.RawOut);
                var checkpoint = saved.Load();
                StateFile.CheckKind(statePath, checkpoint, source.Journal);
                options = options with { ResumeFrom = checkpoint };
            }
            var matches = filter.Build(parse, options, out var since);
            using var databases = geo.Open(parse);
            var writer = new EventWriter(console, parse.GetValue(format)!, options.Parser, new Elastic.EcsOptions { Namespace = parse.GetValue(ns)!, IncludeOriginal = parse.GetValue(original) }, databases);
            await ReadProgress.RunAsync(console, console.OutIsTerminal ? [] : source.Files, async progress =>
            {
                try
                {
                    await foreach (var entry in Inputs.ReadAuthAsync(source, options with { Progress = progress }, journalctl, since, cancellationToken).ConfigureAwait(false))
                    {
                        if (matches(entry)) writer.Write(entry);
                        saved?.Handled(entry);
                    }
                }
                finally
                {
                    // On the end, a fault or Ctrl-C: every line handled so far is behind the saved state.
                    saved?.Save();
                }
                return 0;
            }).ConfigureAwait(false);
            return AuthLogCli.Ok;
        });
        return command;
    }
}
