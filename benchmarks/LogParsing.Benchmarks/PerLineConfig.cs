using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LogParsing.Benchmarks;

/// <summary>Adds lines per second and MB/s (of corpus text) to the per-line tables.</summary>
public sealed class PerLineConfig : ManualConfig
{
    public PerLineConfig()
    {
        AddColumn(new ThroughputColumn("lines/s", mean => 1e9 / mean));
        AddColumn(new ThroughputColumn("MB/s", mean => Corpus.AverageLineBytes * (1e9 / mean) / 1e6));
    }

    private sealed class ThroughputColumn(string name, Func<double, double> fromMeanNanoseconds) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "MB/s" ? "Megabytes of log text per second (per line Mean, average line length of the corpus)" : "Lines per second (1 / per line Mean)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            return fromMeanNanoseconds(stats.Mean).ToString(name == "MB/s" ? "N1" : "N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
