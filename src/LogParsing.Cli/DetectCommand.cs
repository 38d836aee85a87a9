using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using LogParsing.Analysis;
using LogParsing.Analysis.Detections;
using LogParsing.Analysis.Geo;
using LogParsing.Elastic;
using LogParsing.Json;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary><c>authlog detect [paths...] [--follow] [--format text|ndjson|ecs]</c>: the attacks the logs show, by rule (docs/detections.md).</summary>
internal static class DetectCommand
{
    private const string Time = "yyyy-MM-dd HH:mm:ss";

    public static Command Create(CliConsole console)
    {
        var paths = Inputs.PathsArgument();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading the live log (one file, or the journal) and report detections as they fire; the lines already there teach the rules first." };
        var format = new Option<string?>("--format") { Description = "text (a table; the default on a terminal), ndjson (the default otherwise) or ecs (Elastic alerts)." };
        format.AcceptOnlyFromAmong("text", "ndjson", "ecs");
        var filter = new EntryFilter();
        var common = new CommonOptions();
        var geo = new GeoOptions();
        var command = new Command("detect", """
            Detect attacks in auth logs: brute force (fail2ban's jail, CrowdSec's slow and time-spread
            buckets), user enumeration, one account from many sources, a login after failures,
            CVE-2024-6387 probing, protocol probing, sshd's own defences, fail2ban's bans, first-seen
            sudo users, refused sudo, failed su to root. Rules and defaults: docs/detections.md.
            fail2ban logs among the paths (by name) are merged by time.

            Examples:
              authlog detect
              authlog detect docs/samples --year 2021
              authlog detect /var/log/auth.log --follow
              authlog detect /var/log/auth.log* --format ecs > alerts.ndjson
              authlog detect --format ecs --geoip GeoLite2-City.mmdb --asn GeoLite2-ASN.mmdb   source.geo and source.as
            """)
        {
            paths,
            follow,
            format,
        };
        filter.AddTo(command);
        common.AddTo(command);
        geo.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var journalctl = parse.GetValue(common.Journalctl)!;
            var options = common.ReaderOptions(parse);
            using var databases = geo.Open(parse);
            var matches = filter.Build(parse, options, out var since);
            var chosen = parse.GetValue(format) ?? (console.OutIsTerminal ? "text" : "ndjson");
            if (parse.GetValue(follow))
                return await FollowAsync(console, parse.GetValue(paths), parse.GetValue(common.Journal), journalctl, options, matches, chosen, databases, cancellationToken).ConfigureAwait(false);

            var source = Inputs.ResolveAuth(parse.GetValue(paths), parse.GetValue(common.Journal), journalctl, AuthLogCli.DefaultAuthLog, console.Error);
            var authSource = source with { Files = source.Files.Where(f => !Inputs.IsFail2BanLog(f)).ToList() };
            var fail2banFiles = source.Files.Where(Inputs.IsFail2BanLog).ToList();
            var detections = await ReadProgress.RunAsync(console, authSource.Files, async progress =>
            {
                var entries = Where(Inputs.ReadAuthAsync(authSource, options with { Progress = progress }, journalctl, since, cancellationToken), matches);
                var found = fail2banFiles.Count > 0
                    ? AuthDetections.DetectAsync(entries, Inputs.ReadFail2BanAsync(fail2banFiles, source.IsDefault, options, cancellationToken), null, cancellationToken)
                    : AuthDetections.DetectAsync(entries, null, cancellationToken);
                var list = new List<Detection>();
                await foreach (var d in found.ConfigureAwait(false))
                {
                    if (chosen == "text") list.Add(d);
                    else Write(console, d, chosen, databases);
                }
                return list;
            }).ConfigureAwait(false);
            if (chosen == "text") WriteTable(console.Out, detections, authSource.Names.Concat(fail2banFiles).ToList(), databases);
            return AuthLogCli.Ok;
        });
        return command;
    }

    // A follow: the lines already in the file prime the rules (the sudo users known, the windows filling), then what is
    // appended is reported as it fires. Ctrl-C is its normal end, as for 'authlog follow'.
    private static async Task<int> FollowAsync(CliConsole console, string[]? paths, bool journal, string journalctl, AuthLogReaderOptions options,
        Func<AuthLogEntry, bool> matches, string format, GeoDatabases? geo, CancellationToken cancellationToken)
    {
        if (paths is { Length: > 1 }) throw new CliUsageException("--follow reads one log: give one path (or --journal).");
        var file = paths is [var one] ? one : AuthLogCli.DefaultAuthLog;
        if (!journal && paths is not { Length: > 0 } && !File.Exists(file) && Inputs.FindProgram(journalctl) is not null)
        {
            await console.Error.WriteLineAsync($"authlog: {file} does not exist here; following the systemd journal instead (journalctl).").ConfigureAwait(false);
            journal = true;
        }
        var history = journal ? 0 : CountLines(file);
        var entries = journal
            ? JournalReader.FollowAsync(Inputs.JournalOptions(options, journalctl), cancellationToken)
            : AuthLogReader.FollowAsync(file, options with { FollowFromStart = true, Progress = new FollowNotice(console) }, cancellationToken);
        var detector = new Detector();
        var priming = history > 0;
        long previous = 0;
        try
        {
            await foreach (var entry in entries.WithSessionRemotes(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!matches(entry)) continue;
                // History ends at the line count taken before the follow started, or earlier if the file rotated meanwhile.
                if (priming && (entry.Position.Line > history || entry.Position.Line <= previous)) priming = false;
                previous = entry.Position.Line;
                if (priming)
                {
                    detector.Prime(entry);
                    continue;
                }
                foreach (var d in detector.Add(entry))
                {
                    if (format == "text") WriteLine(console, d, geo);
                    else Write(console, d, format, geo);
                }
                await console.RawOut.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return AuthLogCli.Ok;
    }

    private static long CountLines(string path)
    {
        if (!File.Exists(path)) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long lines = 0;
            int read;
            var last = (byte)'\n';
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }
            // A last line without its newline is a line too.
            return last == '\n' ? lines : lines + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async IAsyncEnumerable<AuthLogEntry> Where(IAsyncEnumerable<AuthLogEntry> entries, Func<AuthLogEntry, bool> matches)
    {
        await foreach (var entry in entries.ConfigureAwait(false))
            if (matches(entry)) yield return entry;
    }

    private static string Colour(DetectionSeverity severity) => severity switch
    {
        DetectionSeverity.Critical => "bold red",
        DetectionSeverity.High => "red",
        DetectionSeverity.Medium => "yellow",
        DetectionSeverity.Low => "blue",
        _ => "grey",
    };

    private static string Key(Detection d) => d.SourceHost ?? d.User ?? "-";

    private static GeoInfo? Where(Detection d, GeoDatabases? geo) => geo is not null && d.Source is { } ip ? geo.Lookup(ip) : null;

    // The source with where it is, when --geoip/--asn know it: "89.160.20.156 [SE AS29518]".
    private static string KeyAndWhere(Detection d, GeoDatabases? geo) => GeoOptions.Tag(Where(d, geo)) is { } tag ? Key(d) + " " + tag : Key(d);

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<Detection> detections, IReadOnlyList<string> sources, GeoDatabases? geo)
    {
        console.MarkupLine($"[bold]authlog detect[/] of {Safe.Markup(string.Join(", ", sources))}");
        console.MarkupLine(detections.Count == 0 ? "Detections: none" : $"Detections: {detections.Count}");
        if (detections.Count == 0) return;
        console.WriteLine();
        var table = new Table().AddColumn("last").AddColumn("severity").AddColumn("rule").AddColumn("source / user")
            .AddColumn(new TableColumn("count").RightAligned()).AddColumn("what");
        foreach (var d in detections)
        {
            var severity = d.Severity.ToString().ToLowerInvariant();
            table.AddRow(d.Last.ToString(Time), $"[{Colour(d.Severity)}]{severity}[/]", Safe.Markup(d.RuleId), Safe.Markup(KeyAndWhere(d, geo)), d.Count.ToString(), Safe.Markup(d.Description));
        }
        console.Write(table);
    }

    // One line per detection on a follow: a table cannot grow as it prints.
    private static void WriteLine(CliConsole console, Detection d, GeoDatabases? geo)
    {
        var severity = d.Severity.ToString().ToUpperInvariant();
        var line = new StringBuilder(160).Append(d.Last.ToString(Time)).Append(' ');
        if (console.Colour) line.Append(d.Severity >= DetectionSeverity.High ? "\u001b[31m" : d.Severity == DetectionSeverity.Medium ? "\u001b[33m" : "\u001b[90m").Append(severity).Append("\u001b[0m");
        else line.Append(severity);
        line.Append(' ').Append(d.RuleId).Append(' ').Append(Safe.Text(KeyAndWhere(d, geo))).Append(" | ").Append(Safe.Text(d.Description));
        console.RawOut.WriteLine(line.ToString());
    }

    private static void Write(CliConsole console, Detection d, string format, GeoDatabases? geo)
    {
        var where = Where(d, geo);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, JsonLines.WriterOptions))
        {
            if (format == "ecs") Ecs(w, d, where);
            else Json(w, d, where);
        }
        console.RawOut.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void Json(Utf8JsonWriter w, Detection d, GeoInfo? where)
    {
        w.WriteStartObject();
        w.WriteString("rule_id", d.RuleId);
        w.WriteString("rule_name", d.RuleName);
        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        if (d.Source is { } ip) w.WriteString("source", ip.ToString());
        if (d.SourceHost is { } host) w.WriteString("source_host", host);
        // The fields of the ndjson of events (remote.geo, remote.as), here beside the flat source.
        if (where is not null) AuthLogJson.WriteGeo(w, where, "source_geo", "source_as");
        if (d.User is { } user) w.WriteString("user", user);
        w.WriteStartArray("users");
        foreach (var u in d.Users) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteString("first", d.First);
        w.WriteString("last", d.Last);
        w.WriteNumber("count", d.Count);
        w.WriteString("description", d.Description);
        w.WriteStartArray("evidence");
        foreach (var p in d.Evidence)
        {
            w.WriteStartObject();
            if (p.Source is { } s) w.WriteString("source", s);
            w.WriteNumber("line", p.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>ECS's <c>event.severity</c> is a number: Elastic's detection-rule scale (21 low, 47 medium, 73 high, 99 critical).</summary>
    internal static int EcsSeverity(DetectionSeverity severity) => severity switch
    {
        DetectionSeverity.Critical => 99,
        DetectionSeverity.High => 73,
        DetectionSeverity.Medium => 47,
        DetectionSeverity.Low => 21,
        _ => 1,
    };

    // ECS as an alert: event.kind alert, the rule, the source and the users, the span as event.start/end.
    private static void Ecs(Utf8JsonWriter w, Detection d, GeoInfo? where)
    {
        w.WriteStartObject();
        w.WriteString("@timestamp", d.Last);
        w.WriteString("message", d.Description);
        w.WriteStartObject("event");
        w.WriteString("kind", "alert");
        w.WriteString("module", "authlog");
        w.WriteString("dataset", "authlog.detection");
        w.WriteNumber("severity", EcsSeverity(d.Severity));
        w.WriteString("start", d.First);
        w.WriteString("end", d.Last);
        w.WriteNumber("duration", (d.Last - d.First).Ticks * 100);
        w.WriteStartArray("category");
        w.WriteStringValue(d.RuleId.StartsWith("sudo", StringComparison.Ordinal) || d.RuleId.StartsWith("su-", StringComparison.Ordinal) ? "iam" : d.RuleId.StartsWith("fail2ban", StringComparison.Ordinal) ? "network" : "authentication");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("rule");
        w.WriteString("id", d.RuleId);
        w.WriteString("name", d.RuleName);
        w.WriteString("ruleset", "authlog");
        w.WriteString("reference", "docs/detections.md#" + d.RuleId);
        w.WriteEndObject();
        if (d.SourceHost is { } host)
        {
            w.WriteStartObject("source");
            if (d.Source is { } ip) w.WriteString("ip", ip.ToString());
            else w.WriteString("domain", host);
            w.WriteString("address", host);
            if (where is not null) EcsWriter.WriteGeoFields(w, where);
            w.WriteEndObject();
        }
        if (d.User is { } user)
        {
            w.WriteStartObject("user");
            w.WriteString("name", user);
            w.WriteEndObject();
        }
        if (d.Users.Length > 0 || d.Source is not null)
        {
            w.WriteStartObject("related");
            if (d.Source is { } ip)
            {
                w.WriteStartArray("ip");
                w.WriteStringValue(ip.ToString());
                w.WriteEndArray();
            }
            if (d.Users.Length > 0)
            {
                w.WriteStartArray("user");
                foreach (var u in d.Users) w.WriteStringValue(u);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The summary's short section: detections by rule, most serious first.</summary>
    public static void WriteCounts(IAnsiConsole console, IReadOnlyList<Detection> detections)
    {
        console.WriteLine();
        if (detections.Count == 0)
        {
            console.MarkupLine("Detections: none");
            return;
        }
        console.MarkupLine($"[bold]Detections[/] ({detections.Count}; authlog detect lists them)");
        var table = new Table().AddColumn("rule").AddColumn("severity").AddColumn(new TableColumn("count").RightAligned()).AddColumn(new TableColumn("sources / users").RightAligned());
        foreach (var g in detections.GroupBy(d => d.RuleId).OrderByDescending(g => g.First().Severity).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var severity = g.First().Severity;
            table.AddRow(Safe.Markup(g.Key), $"[{Colour(severity)}]{severity.ToString().ToLowerInvariant()}[/]", g.Count().ToString(), g.Select(Key).Distinct(StringComparer.Ordinal).Count().ToString());
        }
        console.Write(table);
    }
}
