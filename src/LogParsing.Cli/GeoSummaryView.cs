using LogParsing.Analysis.Geo;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>The summary's "where they come from": failures and failing hosts by country and by network.</summary>
internal static class GeoSummaryView
{
    public static void Write(IAnsiConsole console, GeoSummary s, int top)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]Where they come from[/] ({s.LookedUpHosts} failing hosts looked up; {s.NotLookedUpHosts} private, loopback, link-local or named, not looked up)");
        if (!s.ByCountry.IsEmpty) console.Write(Table("country", s.ByCountry, top));
        if (!s.ByNetwork.IsEmpty) console.Write(Table("network", s.ByNetwork, top));
    }

    private static Table Table(string what, System.Collections.Immutable.ImmutableArray<GeoCount> rows, int top)
    {
        var table = new Table().AddColumn(what).AddColumn("name").AddColumn(new TableColumn("failures").RightAligned()).AddColumn(new TableColumn("hosts").RightAligned());
        foreach (var row in rows.Take(top))
            table.AddRow(Safe.Markup(row.Key), Safe.Markup(row.Name ?? (row.Key == "-" ? "(not in the database)" : "")), row.Failures.ToString(), row.Hosts.ToString());
        return table;
    }
}
