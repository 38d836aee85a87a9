using LogParsing.Cli;

// Ctrl-C cancels the read, so that every command ends as AuthLogCli says (130; follow 0), not by the runtime's default.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};
return await AuthLogCli.RunAsync(args, CliConsole.FromProcess(), interrupt.Token).ConfigureAwait(false);
