using System.CommandLine;

namespace LogParsing.Cli;

/// <summary>Options every reading command shares: year and zone of classic timestamps, verbosity.</summary>
internal sealed class CommonOptions
{
    public Option<int?> Year { get; } = new("--year") { Description = "Year of timestamps that have none (default: inferred from each file's last write time)." };

    public Option<string?> TimeZone { get; } = new("--tz") { Description = "Time zone of timestamps without offset, e.g. UTC or Europe/Paris (default: local)." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show full error details." };

    public Option<bool> Journal { get; } = new("--journal") { Description = "Read the systemd journal (journalctl) instead of log files; also the fallback when /var/log/auth.log does not exist." };

    public Option<string> Journalctl { get; } = new("--journalctl") { Description = "The journalctl to run.", DefaultValueFactory = _ => "journalctl" };

    public void AddTo(Command command, bool journal = true)
    {
        command.Options.Add(Year);
        command.Options.Add(TimeZone);
        command.Options.Add(Verbose);
        if (!journal) return;
        command.Options.Add(Journal);
        command.Options.Add(Journalctl);
    }

    public AuthLogReaderOptions ReaderOptions(ParseResult parse)
    {
        var zoneName = parse.GetValue(TimeZone);
        TimeZoneInfo? zone = null;
        if (!string.IsNullOrEmpty(zoneName))
        {
            try
            {
                zone = zoneName.Equals("utc", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneName);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new CliUsageException($"unknown time zone '{zoneName}'.");
            }
        }
        return new AuthLogReaderOptions { Year = parse.GetValue(Year), TimeZone = zone };
    }
}
