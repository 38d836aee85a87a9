using System.Collections.Immutable;
using System.Net;
using LogParsing.Fail2Ban;

namespace LogParsing.Analysis;

/// <summary>
/// What fail2ban did, as the questions people ask of its log: which hosts it banned and how often (repeat offenders
/// first), which are banned as of the end of the log, how many bans per jail.
/// </summary>
/// <example>
/// <code>
/// var report = await Fail2BanReport.CreateAsync(Fail2BanLogReader.ReadAsync("/var/log/fail2ban.log"));
/// foreach (var host in report.BannedHosts.Where(h => h.Bans > 1)) Console.WriteLine($"{host.Target} banned {host.Bans} times");
/// </code>
/// </example>
public sealed record Fail2BanReport
{
    /// <summary>Records read.</summary>
    public long Entries { get; init; }

    /// <summary>The earliest record's time, or null.</summary>
    public DateTimeOffset? First { get; init; }

    /// <summary>The latest record's time, or null.</summary>
    public DateTimeOffset? Last { get; init; }

    /// <summary><c>Ban</c> records (a <c>Restore Ban</c> at start-up is not a new ban).</summary>
    public long Bans { get; init; }

    /// <summary><c>Unban</c> and <c>Repeal Ban</c> records.</summary>
    public long Unbans { get; init; }

    /// <summary>Every banned target with its ban count, most bans first: the repeat offenders lead.</summary>
    public ImmutableArray<BannedHost> BannedHosts { get; init; } = [];

    /// <summary>Targets banned (or restored) and not unbanned as of the last record, per jail, in ban order.</summary>
    public ImmutableArray<CurrentBan> CurrentlyBanned { get; init; } = [];

    /// <summary>Bans per jail, most first.</summary>
    public ImmutableArray<KeyValuePair<string, long>> BansPerJail { get; init; } = [];

    /// <summary>Reads <paramref name="entries"/> to the end and reports on them.</summary>
    /// <param name="entries">Records, for example from <see cref="Fail2BanLogReader.ReadAsync(string, LogReaderOptions?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async ValueTask<Fail2BanReport> CreateAsync(IAsyncEnumerable<Fail2BanEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new Fail2BanReportBuilder();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            builder.Add(entry);
        return builder.Build();
    }
}

/// <summary>A target fail2ban banned.</summary>
/// <param name="Target">The target as written (an address).</param>
/// <param name="Address">The parsed address, or null.</param>
/// <param name="Bans">How many <c>Ban</c> records name it.</param>
/// <param name="Jails">The jails that banned it, in first-ban order.</param>
/// <param name="FirstBan">Its first ban.</param>
/// <param name="LastBan">Its last ban.</param>
public sealed record BannedHost(string Target, IPAddress? Address, long Bans, ImmutableArray<string> Jails, DateTimeOffset FirstBan, DateTimeOffset LastBan)
{
    /// <summary>True when banned more than once.</summary>
    public bool IsRepeatOffender => Bans > 1;
}

/// <summary>A ban still in force at the end of the log.</summary>
/// <param name="Jail">The jail, or null when the record named none.</param>
/// <param name="Target">The banned target.</param>
/// <param name="Since">When the ban (or its restore) was logged.</param>
public sealed record CurrentBan(string? Jail, string Target, DateTimeOffset Since);
