using LogParsing.Analysis;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>Renders an <see cref="AuthLogSummary"/> as tables and a bar chart.</summary>
internal static class SummaryView
{
    private const string Time = "yyyy-MM-dd HH:mm:ss";

    public static void Write(IAnsiConsole console, AuthLogSummary s, IReadOnlyList<string> sources, int top)
    {
        console.MarkupLine($"[bold]authlog summary[/] of {Safe.Markup(string.Join(", ", sources))}");
        var span = s.First is { } first && s.Last is { } last
            ? $"{first.ToString(Time)} to {last.ToString(Time)} ({Duration(last - first)})"
            : "no timestamps";
        console.MarkupLine($"Time span:     {Safe.Markup(span)}");
        console.MarkupLine($"Lines read:    {s.Lines} ({s.Unrecognized} unrecognized, {s.Malformed} malformed)");
        console.MarkupLine($"Remote hosts:  {s.DistinctRemoteHosts} distinct, {s.DistinctAttackingHosts} with failures");
        console.MarkupLine($"Failures:      {s.Failures} lines, {s.Hosts.Sum(h => h.Attempts)} attempts (connections)");
        console.MarkupLine($"Accepted:      {s.Successes} logins");
        console.WriteLine();

        console.MarkupLine("[bold]Events by type[/]");
        var events = new Table().AddColumn("event").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (name, count) in s.EventCounts) events.AddRow(Safe.Markup(name), count.ToString());
        console.Write(events);

        if (s.FailuresPerHour.Length > 0)
        {
            // Past two days, hours make a chart nobody reads (three weeks are 500 bars): days instead.
            var perDay = s.FailuresPerHour[^1].Key - s.FailuresPerHour[0].Key > TimeSpan.FromHours(48);
            var chart = new BarChart().Label(perDay ? "Failures per day" : "Failures per hour").Width(Math.Min(console.Profile.Width, 100));
            if (perDay)
            {
                var days = new SortedDictionary<DateOnly, long>();
                foreach (var (hour, count) in s.FailuresPerHour)
                {
                    var day = DateOnly.FromDateTime(hour.DateTime);
                    days[day] = days.GetValueOrDefault(day) + count;
                }
                foreach (var (day, count) in days) chart.AddItem(day.ToString("yyyy-MM-dd"), count, Color.Red);
            }
            else
            {
                foreach (var (hour, count) in s.FailuresPerHour) chart.AddItem(hour.ToString("yyyy-MM-dd HH:00"), count, Color.Red);
            }
            console.WriteLine();
            console.Write(chart);
        }

        var hosts = new Table()
            .AddColumn("host").AddColumn(new TableColumn("failures").RightAligned()).AddColumn(new TableColumn("attempts").RightAligned())
            .AddColumn(new TableColumn("users").RightAligned()).AddColumn("first").AddColumn("last");
        foreach (var h in s.Hosts.Take(top))
            hosts.AddRow(Safe.Markup(h.Host), h.Failures.ToString(), h.Attempts.ToString(), h.Users.ToString(), h.First.ToString(Time), h.Last.ToString(Time));
        console.WriteLine();
        console.MarkupLine($"[bold]Top remote hosts by failures[/] ({s.DistinctAttackingHosts} in all)");
        console.Write(hosts);

        var users = new Table()
            .AddColumn("user").AddColumn(new TableColumn("attempts").RightAligned());
        foreach (var (user, count) in s.UsersTried.Take(top)) users.AddRow(Safe.Markup(user.Length == 0 ? "(empty)" : user), count.ToString());
        console.WriteLine();
        console.MarkupLine($"[bold]Top user names tried[/] ({s.UsersTried.Length} in all)");
        console.Write(users);

        if (s.UnrecognizedShapes.Length > 0)
        {
            var shapes = new Table().AddColumn("shape (# = a word with digits)").AddColumn(new TableColumn("lines").RightAligned());
            foreach (var (shape, count) in s.UnrecognizedShapes.Take(top)) shapes.AddRow(Safe.Markup(shape), count.ToString());
            console.WriteLine();
            console.MarkupLine($"[bold]Unrecognized lines, commonest shapes[/] ({s.Unrecognized} lines; authlog events --type UnrecognizedEvent lists them)");
            console.Write(shapes);
        }

        console.WriteLine();
        if (s.Accepted.Length == 0)
        {
            console.MarkupLine("Accepted logins: none");
            return;
        }
        // The latest logins; a busy relay's thousands are for 'authlog events --type AcceptedAuthentication', not a summary.
        var earlier = Math.Max(0, s.Accepted.Length - top);
        console.MarkupLine(earlier == 0
            ? "[bold]Accepted logins[/]"
            : $"[bold]Accepted logins[/] (the last {top} of {s.Accepted.Length}; authlog events --type AcceptedAuthentication lists them all)");
        var accepted = new Table().AddColumn("time").AddColumn("user").AddColumn("from").AddColumn("method");
        foreach (var a in s.Accepted.AsSpan()[earlier..])
            accepted.AddRow(a.Timestamp.ToString(Time), Safe.Markup(a.User), Safe.Markup(a.Remote?.Host), Safe.Markup(a.Method));
        console.Write(accepted);
    }

    private static string Duration(TimeSpan d) =>
        d.TotalDays >= 1 ? $"{(int)d.TotalDays}d {d.Hours}h" : d.TotalHours >= 1 ? $"{(int)d.TotalHours}h {d.Minutes}m" : $"{d.Minutes}m {d.Seconds}s";
}
