using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>A progress bar on standard error while long reads run, only when standard error is a terminal (never in pipes).</summary>
internal static class ReadProgress
{
    private const long LongRead = 4 * 1024 * 1024;

    public static async Task<T> RunAsync<T>(CliConsole console, IReadOnlyList<string> files, Func<IProgress<LogReadProgress>?, Task<T>> read)
    {
        if (!console.ErrorIsTerminal || TotalBytes(files) < LongRead)
            return await read(null).ConfigureAwait(false);

        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        T result = default!;
        await stderr.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Progress(report =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(report.Source, out var task))
                            tasks[report.Source] = task = context.AddTask(Markup.Escape(Path.GetFileName(report.Source)), maxValue: Math.Max(1, report.Length));
                        task.Value = Math.Min(report.BytesRead, task.MaxValue);
                    }
                });
                result = await read(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }

    private static long TotalBytes(IReadOnlyList<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            try
            {
                if (file != "-" && File.Exists(file)) total += new FileInfo(file).Length;
            }
            catch (IOException)
            {
            }
        }
        return total;
    }

    // Synchronous: Progress<T> would post to a captured context and report after the read ended.
    private sealed class Progress(Action<LogReadProgress> report) : IProgress<LogReadProgress>
    {
        public void Report(LogReadProgress value) => report(value);
    }
}
