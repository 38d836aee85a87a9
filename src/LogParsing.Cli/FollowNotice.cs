namespace LogParsing.Cli;

/// <summary>
/// What a follower says on standard error, as GNU <c>tail -F</c> does when a followed file is replaced: when it is in
/// place (every line written from then on is read) and when the file was rotated or truncated. Standard output carries
/// only the entries.
/// </summary>
internal sealed class FollowNotice(CliConsole console) : IProgress<LogReadProgress>
{
    private int _generations;

    /// <summary>Told synchronously by the reader each time it has opened and positioned on the file.</summary>
    public void Report(LogReadProgress value) => console.Error.WriteLine(_generations++ == 0
        ? $"authlog: following {Safe.Text(value.Source)}"
        : $"authlog: {Safe.Text(value.Source)} was rotated or truncated; following the new content");
}
