using LogParsing.Cli;

return await AuthLogCli.RunAsync(args, CliConsole.FromProcess()).ConfigureAwait(false);
