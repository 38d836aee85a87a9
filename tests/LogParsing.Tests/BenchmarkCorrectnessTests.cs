using LogParsing.Auth.Cron;
using LogParsing.Auth.Logind;
using LogParsing.Auth.Pam;
using LogParsing.Auth.Sshd;
using LogParsing.Auth.Sudo;
using LogParsing.Benchmarks;
using LogParsing.Fail2Ban;
using LogParsing.Benchmarks.Baselines;
using LogParsing.Grammar;
using Pidgin;

namespace LogParsing.Tests;

/// <summary>Each benchmark method run once and its result checked: benchmarks must measure working code. Nothing is timed.</summary>
public class BenchmarkCorrectnessTests
{
    [Fact]
    public void Corpus_is_seeded()
    {
        Assert.Equal(Corpus.Lines(100), Corpus.Lines(100));
        Assert.NotEqual(Corpus.Lines(100), Corpus.Lines(100, seed: 7));
    }

    [Fact]
    public void The_real_mix_holds_what_a_real_server_writes()
    {
        // Trailing-space PAM failures, repeats, RFC 3339 stamps, sudo/su/cron/logind, and about 3% unknown lines.
        var entries = Corpus.Lines(20_000).Select(l => AuthLogParser.Default.Parse(l)).ToList();
        Assert.Contains(entries, e => e.Event is PamAuthenticationFailure && e.Message.EndsWith(' '));
        Assert.Contains(entries, e => e.RepeatCount > 1);
        Assert.Contains(entries, e => e.Event is SudoCommand);
        Assert.Contains(entries, e => e.Event is CronCommand);
        Assert.Contains(entries, e => e.Event is LogindNewSession);
        Assert.Contains(entries, e => e.Event is PamSessionOpened { Service: "su" });
        Assert.Contains(entries, e => !e.YearWasInferred);
        Assert.DoesNotContain(entries, e => e.Event is MalformedLine);
        var unknown = entries.Count(e => e.Event is UnrecognizedEvent) / (double)entries.Count;
        Assert.InRange(unknown, 0.02, 0.04);
    }

    [Fact]
    public void Line_parsing_benchmarks_recognise_the_same_lines_all_three_ways()
    {
        var benchmark = new LineParsingBenchmarks { Lines = 2_000 };
        benchmark.Setup();
        // The real mix's unknown lines (kernel, systemd, dbus) are read by all three, as unrecognised, and not counted.
        var recognised = benchmark.Pidgin();
        Assert.InRange(recognised, 1_900, 1_990);
        Assert.Equal(recognised, benchmark.HandWritten());
        Assert.Equal(recognised, benchmark.GeneratedRegex());
    }

    [Fact]
    public void Both_baselines_make_the_library_entry_field_by_field_on_every_line_of_the_real_mix()
    {
        // 20,000 lines of the real mix: classic and RFC 3339 stamps, repeat summaries, sshd, PAM, cron, sudo, su, logind,
        // and the ~3% of lines no grammar knows (the library's UnrecognizedEvent, which the baselines make too).
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var uncovered = 0;
        var kinds = new HashSet<string>();
        foreach (var line in Corpus.Lines(20_000))
        {
            var expected = AuthLogParser.Default.Parse(line.AsSpan(), resolver, default, truncated: false);
            var handWritten = HandWrittenParser.Parse(line, 2021);
            var regex = RegexParser.Parse(line, 2021);
            // A line one baseline does not cover, the other does not cover either.
            Assert.True((handWritten is null) == (regex is null), line);
            if (handWritten is null)
            {
                uncovered++;
                continue;
            }
            kinds.Add(expected.Event.GetType().Name);
            AssertSameEntry(line, expected, handWritten);
            AssertSameEntry(line, expected, regex!);
        }
        // docs/benchmarks.md states the share: every line of the real mix is covered.
        Assert.Equal(0, uncovered);
        Assert.Equal(
            ["CronCommand", "LogindNewSession", "LogindSessionRemoved", "PamAuthenticationFailure", "PamSessionClosed", "PamSessionOpened",
             "PamUserUnknown", "SshdAcceptedAuthentication", "SshdConnectionClosed", "SshdConnectionReset", "SshdDisconnected",
             "SshdFailedAuthentication", "SshdIdentificationError", "SshdInvalidUser", "SshdNegotiationFailed", "SshdReceivedDisconnect",
             "SudoCommand", "UnrecognizedEvent"],
            kinds.Order());
    }

    // Record equality is field by field: the entry's, its event's (SshdNegotiationFailed compares its offers item by
    // item), and the remote endpoint's with its parsed address.
    private static void AssertSameEntry(string line, AuthLogEntry expected, AuthLogEntry actual)
    {
        if (!expected.Equals(actual))
            throw new Xunit.Sdk.XunitException($"{line}\nlibrary:  {expected}\nbaseline: {actual}");
    }

    [Fact]
    public void Header_benchmarks_read_every_envelope_all_three_ways()
    {
        var benchmark = new HeaderBenchmarks();
        benchmark.Setup();
        Assert.Equal(20_000, benchmark.Pidgin());
        Assert.Equal(20_000, benchmark.HandWritten());
        Assert.Equal(20_000, benchmark.GeneratedRegex());
    }

    [Fact]
    public void The_header_baselines_read_what_the_header_grammar_reads()
    {
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        foreach (var line in Corpus.Lines(20_000).Concat(FamilyCorpus.Families.SelectMany(f => FamilyCorpus.Lines(f, 300))))
        {
            var result = Syslog.Header.Parse(line.AsSpan());
            Assert.True(result.Success, line);
            var (stamp, host, program, pid) = result.Value;
            // The grammar does not say where it stopped; the whole-line parser's message starts there.
            var messageStart = line.Length - AuthLogParser.Default.Parse(line.AsSpan(), resolver, default, truncated: false).Message.Length;
            var expected = new BaselineHeader(stamp, host!, program, pid, messageStart);
            Assert.Equal(expected, HandWrittenParser.ParseHeader(line));
            Assert.Equal(expected, RegexParser.ParseHeader(line));
        }
    }

    [Theory]
    [InlineData("sshd")]
    [InlineData("pam")]
    [InlineData("cron-sudo-logind")]
    public void Family_benchmarks_recognise_every_generated_line_all_three_ways(string family)
    {
        var benchmark = new FamilyBenchmarks { Family = family };
        benchmark.Setup();
        Assert.Equal(20_000, benchmark.Pidgin());
        Assert.Equal(20_000, benchmark.HandWritten());
        Assert.Equal(20_000, benchmark.GeneratedRegex());
    }

    [Theory]
    [InlineData("sshd", new[] { "SshdInvalidUser", "SshdFailedAuthentication", "SshdAcceptedAuthentication", "SshdReceivedDisconnect", "SshdDisconnected", "SshdConnectionClosed", "SshdConnectionReset", "SshdNegotiationFailed", "SshdIdentificationError" })]
    [InlineData("pam", new[] { "PamAuthenticationFailure", "PamUserUnknown", "PamSessionOpened", "PamSessionClosed" })]
    [InlineData("cron-sudo-logind", new[] { "CronCommand", "SudoCommand", "LogindNewSession", "LogindSessionLoggedOut", "LogindSessionRemoved", "PamSessionOpened", "PamSessionClosed" })]
    public void Family_corpora_hold_their_forms_and_the_baselines_extract_what_the_library_extracts(string family, string[] forms)
    {
        Assert.Equal(FamilyCorpus.Lines(family, 100), FamilyCorpus.Lines(family, 100));
        Assert.NotEqual(FamilyCorpus.Lines(family, 100), FamilyCorpus.Lines(family, 100, seed: 7));
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var seen = new HashSet<string>();
        foreach (var line in FamilyCorpus.Lines(family, 2_000))
        {
            var entry = AuthLogParser.Default.Parse(line.AsSpan(), resolver, default, truncated: false);
            Assert.False(entry.Event is UnrecognizedEvent or MalformedLine, line);
            seen.Add(entry.Event.GetType().Name);
            AssertBaselinesAgree(line);
        }
        Assert.Equal(forms.Order(), seen.Order());
    }

    private static void AssertBaselinesAgree(string line)
    {
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        var entry = AuthLogParser.Default.Parse(line.AsSpan(), resolver, default, truncated: false);
        foreach (var baseline in new[] { HandWrittenParser.Parse(line, 2021), RegexParser.Parse(line, 2021) })
        {
            Assert.NotNull(baseline);
            AssertSameEntry(line, entry, baseline);
        }
    }

    // SshdNegotiationFailed's Offer is an ImmutableArray, which record equality compares by reference: by content here.
    private static void AssertEqualEvents(AuthEvent expected, AuthEvent actual)
    {
        if (expected is SshdNegotiationFailed negotiation && actual is SshdNegotiationFailed other)
        {
            Assert.Equal(negotiation.Offer, other.Offer);
            Assert.Equal(negotiation with { Offer = default }, other with { Offer = default });
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task File_reading_benchmarks_read_every_line_plain_and_gzip()
    {
        var benchmark = new FileReadingBenchmarks();
        benchmark.Setup();
        try
        {
            Assert.Equal(200_000, benchmark.ParseOnly());
            Assert.Equal(200_000, await benchmark.ReadPlainFile());
            Assert.Equal(200_000, await benchmark.ReadPlainFileAsDefault());
            Assert.Equal(200_000, await benchmark.ReadGzipFile());
            Assert.Equal(200_000, await benchmark.ReadGzipSetSequential());
            Assert.Equal(200_000, benchmark.HandWrittenPlainFile());
            Assert.Equal(200_000, benchmark.RegexPlainFile());
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    [Fact]
    public void Fail2ban_benchmarks_recognise_every_line_all_three_ways()
    {
        var benchmark = new Fail2BanBenchmarks();
        benchmark.Setup();
        Assert.Equal(20_000, benchmark.Pidgin());
        Assert.Equal(20_000, benchmark.HandWritten());
        Assert.Equal(20_000, benchmark.GeneratedRegex());
    }

    [Fact]
    public void The_fail2ban_baselines_extract_what_the_library_extracts()
    {
        var options = new LogReaderOptions { TimeZone = TimeZoneInfo.Utc };
        var actions = new HashSet<string>();
        foreach (var line in Fail2BanBenchmarks.Corpus(500))
        {
            var entry = new Fail2BanParser(options).Parse(line);
            (string Action, string Target, DateTime? Time, int? Count, TimeSpan? BanTime, DateTime? Until) read = entry.Event switch
            {
                Fail2BanFound found => ("Found", found.Target, found.Time, null, null, null),
                Fail2BanBan ban => ("Ban", ban.Target, null, null, null, null),
                Fail2BanUnban unban => ("Unban", unban.Target, null, null, null, null),
                Fail2BanIncreaseBan increase => ("Increase Ban", increase.Target, null, increase.BanCount, increase.BanTime, increase.Until),
                var other => throw new Xunit.Sdk.XunitException($"{other} from {line}"),
            };
            actions.Add(read.Action);
            var expected = new Fail2BanBaselineEntry(entry.Timestamp, entry.Logger, entry.ProcessId, entry.LevelName!, entry.Jail, entry.Message,
                read.Action, read.Target, entry.Event.Address, read.Time, read.Count, read.BanTime, read.Until);
            Assert.Equal(expected, HandWrittenFail2BanParser.Parse(line));
            Assert.Equal(expected, RegexFail2BanParser.Parse(line));
        }
        Assert.Equal(["Ban", "Found", "Increase Ban", "Unban"], actions.Order());
    }

    [Fact]
    public async Task Journal_benchmarks_recognise_every_entry_all_four_ways()
    {
        var benchmark = new JournalBenchmarks();
        benchmark.Setup();
        // The real mix's unknown lines are entries too, read as unrecognised by all four, and not counted.
        var recognised = benchmark.Pidgin();
        Assert.InRange(recognised, 19_000, 19_800);
        Assert.Equal(recognised, benchmark.HandWritten());
        Assert.Equal(recognised, benchmark.GeneratedRegex());
        Assert.Equal(recognised, await benchmark.Reader());
    }

    [Fact]
    public async Task The_journal_export_is_the_corpus_and_its_baselines_extract_what_the_journal_reader_extracts()
    {
        var export = JournalCorpus.Export(500);
        Assert.Equal(export, JournalCorpus.Export(500));
        Assert.NotEqual(export, JournalCorpus.Export(500, seed: 7));
        var entries = new List<AuthLogEntry>();
        using (var stream = new MemoryStream(export, writable: false))
        {
            await foreach (var e in JournalReader.ReadAsync(stream, cancellationToken: TestContext.Current.CancellationToken))
                entries.Add(e);
        }
        var lines = JournalCorpus.Lines(export);
        var corpus = Corpus.Lines(500);
        var resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
        Assert.Equal(500, entries.Count);
        Assert.Equal(500, lines.Length);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            // Each entry is the corpus line it was made from, with a stamp to the microsecond, a unit and a priority.
            // A repeat summary is exported as the message it repeats: journald stores each one.
            var syslog = AuthLogParser.Default.Parse(corpus[i].AsSpan(), resolver, default, truncated: false);
            Assert.Equal((syslog.Host, syslog.Program, syslog.ProcessId), (entry.Host, entry.Program, entry.ProcessId));
            Assert.Equal(syslog.RepeatCount > 1 ? syslog.Message[(syslog.Message.IndexOf('[') + 2)..^1] : syslog.Message, entry.Message);
            AssertEqualEvents(syslog.Event, entry.Event);
            Assert.Equal(Seconds(syslog.Timestamp), Seconds(entry.Timestamp));
            Assert.NotNull(entry.Unit);
            Assert.NotNull(entry.Severity);
            foreach (var baseline in new[] { HandWrittenJournalReader.Read(lines[i].Span), RegexJournalReader.Read(lines[i]) })
            {
                Assert.NotNull(baseline);
                // The reader gives each entry its position in the stream; the baselines read lines, not a stream.
                AssertSameEntry(corpus[i], entry with { Position = default }, baseline);
            }
        }

        static DateTimeOffset Seconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
    }

    [Fact]
    public void Custom_format_corpus_is_seeded()
    {
        Assert.Equal(CustomFormatBenchmarks.AppLogLines(100), CustomFormatBenchmarks.AppLogLines(100));
        Assert.NotEqual(CustomFormatBenchmarks.AppLogLines(100), CustomFormatBenchmarks.AppLogLines(100, seed: 7));
    }

    [Fact]
    public async Task Custom_format_benchmark_parses_every_generated_line_with_the_tutorial_grammar()
    {
        var benchmark = new CustomFormatBenchmarks { Lines = 2_000 };
        benchmark.Setup();
        Assert.Equal(2_000, benchmark.Pidgin());
        Assert.Equal(2_000, await benchmark.Reader());
        Assert.Equal(2_000, benchmark.HandWritten());
        Assert.Equal(2_000, benchmark.GeneratedRegex());
    }

    [Fact]
    public void The_custom_format_baselines_make_the_records_the_tutorial_grammar_makes()
    {
        foreach (var line in CustomFormatBenchmarks.AppLogLines(1_000))
        {
            var expected = Tutorial.AppLogGrammar.Line.Before(Parser<char>.End).Parse(line).Value;
            foreach (var actual in new[] { HandWrittenAppLogParser.Parse(line), RegexAppLogParser.Parse(line) })
            {
                Assert.NotNull(actual);
                Assert.Equal((expected.Timestamp, expected.Level, expected.Message, expected.User, expected.Address),
                    (actual.Timestamp, actual.Level, actual.Message, actual.User, actual.Address));
                Assert.Equal(expected.Fields, actual.Fields, (a, b) => a.Key == b.Key && a.Value == b.Value);
            }
        }
    }
}
