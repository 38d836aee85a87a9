using System.CommandLine;
using LogParsing.Analysis;

namespace LogParsing.Cli;

/// <summary><c>authlog summary [paths...]</c>: counts by event type, failures per hour, top hosts and names, accepted logins.</summary>
internal static class SummaryCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Log files, plain or gzip; '-' reads standard input. Default: /var/log/auth.log and its rotated files.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(Inputs.RejectUnknownOptions);
        var top = new Option<int>("--top") { Description = "Rows in the host and user tables.", DefaultValueFactory = _ => 10 };
        var common = new CommonOptions();
        var command = new Command("summary", """
            Summarise auth logs: time span, lines read, events by type, failures per hour,
            top remote hosts by failures, top user names tried, accepted logins.

            Examples:
              authlog summary                                  /var/log/auth.log and its rotation set
              authlog summary docs/samples/auth.log
              authlog summary /var/log/auth.log.2.gz --year 2021 --tz UTC
              zcat auth.log.*.gz | authlog summary -
            """)
        {
            paths,
            top,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths);
            var files = Inputs.Resolve(given, AuthLogCli.DefaultAuthLog);
            var options = common.ReaderOptions(parse);
            var summary = await AuthLogSummary.SummarizeAsync(
                Inputs.ReadAsync(files, given is not { Length: > 0 }, options, cancellationToken), cancellationToken).ConfigureAwait(false);
            SummaryView.Write(console.Out, summary, files, Math.Max(1, parse.GetValue(top)));
            return AuthLogCli.Ok;
        });
        return command;
    }
}
