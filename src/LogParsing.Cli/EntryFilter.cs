using System.CommandLine;
using System.Globalization;
using System.Net;

namespace LogParsing.Cli;

/// <summary>The filters every reading command shares: time span, program, event type, remote host, user, outcome.</summary>
internal sealed class EntryFilter
{
    public Option<string?> Since { get; } = new("--since") { Description = "From this time: \"May 31 07:00\", 2021-05-31, 2021-05-31T07:00, or ago: 30m, 1h, 2d, 1w." };

    public Option<string?> Until { get; } = new("--until") { Description = "Before this time (same forms as --since)." };

    public Option<string[]> Program { get; } = new("--program") { Description = "Only these programs (sshd, sshd-session, CRON...); repeatable." };

    public Option<string[]> Type { get; } = new("--type") { Description = "Only these event types (SshdInvalidUser, or the end of a name: InvalidUser); repeatable." };

    public Option<string[]> Host { get; } = new("--host") { Description = "Only events about these remote hosts: an address, a name, or a CIDR range (192.0.2.0/24); repeatable." };

    public Option<string[]> User { get; } = new("--user") { Description = "Only events about these user names; repeatable." };

    public Option<string?> Outcome { get; } = new("--outcome") { Description = "Only failure, success or none." };

    public void AddTo(Command command)
    {
        Outcome.AcceptOnlyFromAmong("failure", "success", "none");
        foreach (var option in new Option[] { Since, Until, Program, Type, Host, User, Outcome }) command.Options.Add(option);
    }

    public Func<AuthLogEntry, bool> Build(ParseResult parse, LogReaderOptions options) => Build(parse, options, out _);

    /// <summary>The filter, and <paramref name="since"/>, the start of --since, for a source that can skip what comes before (journalctl).</summary>
    public Func<AuthLogEntry, bool> Build(ParseResult parse, LogReaderOptions options, out DateTimeOffset? since)
    {
        var zone = options.TimeZone ?? TimeZoneInfo.Local;
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.Now, zone);
        since = ParseTime(parse.GetValue(Since), "--since", options.Year, zone, now);
        var until = ParseTime(parse.GetValue(Until), "--until", options.Year, zone, now);
        if (since is { } start && until is { } to && to < start)
            throw new CliUsageException($"--until ({to:yyyy-MM-dd HH:mm:ss}) is before --since ({start:yyyy-MM-dd HH:mm:ss}).");
        var programs = parse.GetValue(Program) ?? [];
        var types = parse.GetValue(Type) ?? [];
        var users = parse.GetValue(User) ?? [];
        var hosts = (parse.GetValue(Host) ?? []).Select(HostMatcher).ToArray();
        AuthOutcome? outcome = parse.GetValue(Outcome) is { } o ? Enum.Parse<AuthOutcome>(o, ignoreCase: true) : null;
        var from = since;

        return e =>
        {
            if (from is not null && (e.Event is MalformedLine || e.Timestamp < from)) return false;
            if (until is not null && (e.Event is MalformedLine || e.Timestamp >= until)) return false;
            if (programs.Length > 0 && !programs.Contains(e.Program, StringComparer.OrdinalIgnoreCase)) return false;
            if (types.Length > 0 && !AnyTypeMatches(types, e.Event.GetType().Name)) return false;
            if (users.Length > 0 && (e.Event.User is not { } user || !users.Contains(user, StringComparer.Ordinal))) return false;
            if (hosts.Length > 0 && (e.Event.Remote is not { } remote || !AnyHostMatches(hosts, remote))) return false;
            if (outcome is not null && e.Event.Outcome != outcome) return false;
            return true;
        };
    }

    // Loops, not Any(): the filter runs on every entry, and a lambda over the entry is an allocation each time.
    private static bool AnyTypeMatches(string[] types, string typeName)
    {
        foreach (var t in types)
            if (typeName.EndsWith(t, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool AnyHostMatches(Func<RemoteEndpoint, bool>[] hosts, RemoteEndpoint remote)
    {
        foreach (var matches in hosts)
            if (matches(remote)) return true;
        return false;
    }

    private static Func<RemoteEndpoint, bool> HostMatcher(string text)
    {
        if (text.Contains('/') && IPNetwork.TryParse(text, out var network))
            return r => r.Address is { } a && network.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a);
        // The argument is parsed once, not for every entry.
        var wanted = IPAddress.TryParse(text, out var parsed) ? parsed : null;
        return r => string.Equals(r.Host, text, StringComparison.OrdinalIgnoreCase)
            || (wanted is not null && r.Address is { } a && (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(wanted));
    }

    private static readonly string[] ClassicFormats = ["MMM d HH:mm", "MMM d HH:mm:ss", "MMM d"];
    private static readonly string[] IsoFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Reads a time argument in the zone of the logs; a classic date without a year takes --year, or the latest year not ahead of now.</summary>
    internal static DateTimeOffset? ParseTime(string? text, string option, int? year, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Length >= 2 && text[^1] is 's' or 'm' or 'h' or 'd' or 'w' && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            // Back from now, but never before the first instant a time can have.
            var seconds = n * SimulateCommand.UnitSeconds(text[^1], option);
            if (seconds > (now - DateTimeOffset.MinValue).TotalSeconds - 86_400)
                throw new CliUsageException($"{option}: '{text}' ago is before year 1.");
            return now.AddSeconds(-seconds);
        }
        if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return new DateTimeOffset(iso, zone.GetUtcOffset(iso));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9))
            return exact;
        if (DateTime.TryParseExact(text, ClassicFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var classic))
        {
            var y = year ?? (new DateTime(now.Year, classic.Month, classic.Day) > now.DateTime.AddDays(1) ? now.Year - 1 : now.Year);
            var local = new DateTime(y, classic.Month, classic.Day, classic.Hour, classic.Minute, classic.Second);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        throw new CliUsageException($"{option}: cannot read '{text}' as a time (try \"May 31 07:00\", 2021-05-31T07:00 or 2h).");
    }
}
