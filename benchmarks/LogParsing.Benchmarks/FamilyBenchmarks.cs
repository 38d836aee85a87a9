using LogParsing.Grammar;
using BenchmarkDotNet.Attributes;
using LogParsing.Benchmarks.Baselines;

namespace LogParsing.Benchmarks;

/// <summary>
/// Header + body into records, per line, one family at a time (<see cref="FamilyCorpus"/>): sshd, PAM, and cron, sudo
/// and systemd-logind together. Mean is per line. The hand-written parser is the floor (Ratio 1.00); the generated
/// regex is what a user would write. Both baselines read the fields the correctness test compares with the library's
/// events: user, remote host and port, PAM's module/service/type, the command, sudo's run-as/tty/pwd/reason, the
/// session id (not the uids, PAM's caller, or the key and algorithm fields sshd's events also carry).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public class FamilyBenchmarks
{
    private const int Count = 20_000;
    private string[] _lines = [];
    private TimestampResolver _resolver = null!;

    /// <summary>The family of every line: <c>sshd</c>, <c>pam</c> or <c>cron-sudo-logind</c>.</summary>
    [Params("sshd", "pam", "cron-sudo-logind")]
    public string Family { get; set; } = "sshd";

    [GlobalSetup]
    public void Setup()
    {
        _lines = FamilyCorpus.Lines(Family, Count);
        _resolver = new TimestampResolver(2021, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
    }

    /// <summary>The floor: hand-written span code for exactly these forms.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (HandWrittenParser.Parse(line, 2021) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>What users write: [GeneratedRegex] for the header and each message form.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (RegexParser.Parse(line, 2021) is { Kind: not "Unrecognized" }) recognised++;
        return recognised;
    }

    /// <summary>LogParsing: the Pidgin grammars into AuthLogEntry records, every field of every event.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var recognised = 0;
        foreach (var line in _lines)
            if (AuthLogParser.Default.Parse(line, _resolver, default, truncated: false).Event is not UnrecognizedEvent and not MalformedLine) recognised++;
        return recognised;
    }
}
