using System.CommandLine;

namespace LogParsing.Cli;

/// <summary><c>authlog follow [path]</c>: <c>tail -F</c> with parsed, coloured lines and the same filters as <c>events</c>.</summary>
internal static class FollowCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string?>("path") { Description = "The live log (default /var/log/auth.log).", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "text (default), ndjson, ecs or es-bulk.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(EventWriter.Formats);
        var ns = EventWriter.NamespaceOption();
        var original = EventWriter.OriginalOption();
        var join = EventWriter.JoinOption();
        var geo = new GeoOptions();
        var fromStart = new Option<bool>("--from-start") { Description = "Print the lines already in the file first (default: only new lines)." };
        var state = StateFile.Option();
        var filter = new EntryFilter();
        var common = new CommonOptions();
        var command = new Command("follow", """
            Follow a live auth log like tail -F: new lines as they are written, parsed and coloured,
            across rotation (rename and new file, or copytruncate). Ctrl-C stops.

            Examples:
              authlog follow
              authlog follow --outcome failure
              authlog follow /var/log/secure --format ndjson | jq -c 'select(.type == "SshdAcceptedAuthentication")'
              authlog follow --journal
              authlog follow --journal --format es-bulk --state journal.state   resumes after the last entry handled
            """)
        {
            path,
            format,
            fromStart,
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
            var file = parse.GetValue(path) ?? AuthLogCli.DefaultAuthLog;
            var options = EventWriter.Apply(common.ReaderOptions(parse), parse.GetValue(format)!, parse.GetValue(original), parse.GetValue(join)) with { FollowFromStart = parse.GetValue(fromStart), Progress = new FollowNotice(console) };
            var journalctl = parse.GetValue(common.Journalctl)!;
            var journal = parse.GetValue(common.Journal);
            if (!journal && parse.GetValue(path) is null && !File.Exists(file) && Inputs.FindProgram(journalctl) is not null)
            {
                await console.Error.WriteLineAsync($"authlog: {file} does not exist here; following the systemd journal instead (journalctl).").ConfigureAwait(false);
                journal = true;
            }
            StateFile? saved = null;
            if (parse.GetValue(state) is { } statePath)
            {
                StateFile.Check(new Inputs.AuthSource([file], journal, false));
                saved = new StateFile(statePath, console.RawOut);
                var checkpoint = saved.Load();
                StateFile.CheckKind(statePath, checkpoint, journal);
                options = options with { ResumeFrom = checkpoint };
            }
            var matches = filter.Build(parse, options);
            using var databases = geo.Open(parse);
            var writer = new EventWriter(console, parse.GetValue(format)!, options.Parser, new Elastic.EcsOptions { Namespace = parse.GetValue(ns)!, IncludeOriginal = parse.GetValue(original) }, databases);
            var entries = journal
                ? JournalReader.FollowAsync(Inputs.JournalOptions(options, journalctl), cancellationToken)
                : AuthLogReader.FollowAsync(file, options, cancellationToken);
            try
            {
                await foreach (var entry in entries.ConfigureAwait(false))
                {
                    if (matches(entry))
                    {
                        writer.Write(entry);
                        await console.RawOut.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                    saved?.Handled(entry);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                // Ctrl-C is a follow's normal end: the state then holds the last line handled.
                saved?.Save();
            }
            return AuthLogCli.Ok;
        });
        return command;
    }
}
