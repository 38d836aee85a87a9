using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LogParsing.Benchmarks;

/// <summary>Adds the median, the minimum, lines per second and MB/s (of the text each suite reads) to the per-line tables.</summary>
public sealed class PerLineConfig : ManualConfig
{
    public PerLineConfig()
    {
        // On a shared machine a neighbour's load only ever adds time: the fastest iterations are the steadiest measure.
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(new ThroughputColumn("lines/s", (_, mean) => 1e9 / mean));
        AddColumn(new ThroughputColumn("MB/s", (benchmarkCase, mean) => LineBytes(benchmarkCase) * (1e9 / mean) / 1e6));
    }

    // A journal entry is eight times an auth.log line, and fail2ban and family lines differ too: MB/s of the auth
    // corpus's length would misstate them.
    private static double LineBytes(BenchmarkCase benchmarkCase)
    {
        var suite = benchmarkCase.Descriptor.Type;
        if (suite == typeof(FamilyBenchmarks)) return FamilyCorpus.AverageLineBytes((string)benchmarkCase.Parameters[nameof(FamilyBenchmarks.Family)]);
        if (suite == typeof(Fail2BanBenchmarks)) return Fail2BanBenchmarks.AverageLineBytes;
        if (suite == typeof(JournalBenchmarks)) return JournalCorpus.AverageLineBytes;
        return Corpus.AverageLineBytes;
    }

    private sealed class ThroughputColumn(string name, Func<BenchmarkCase, double, double> fromMeanNanoseconds) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "MB/s" ? "Megabytes of log text per second (per line Mean, average line length of the suite's input)" : "Lines per second (1 / per line Mean)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            return fromMeanNanoseconds(benchmarkCase, stats.Mean).ToString(name == "MB/s" ? "N1" : "N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
