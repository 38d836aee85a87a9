using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<string, double> Bytes = new();

    // A journal entry is eight times an auth.log line, and fail2ban and family lines differ too: each suite says the
    // average length of its own corpus, set up as the case's parameters say.
    private static double LineBytes(BenchmarkCase benchmarkCase) =>
        Bytes.GetOrAdd(benchmarkCase.Descriptor.Type.Name + benchmarkCase.Parameters.DisplayInfo, _ =>
        {
            var suite = Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
            foreach (var parameter in benchmarkCase.Parameters.Items)
                benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(suite, parameter.Value);
            return suite is IMeasuresLineBytes measured ? measured.MeasureLineBytes() : Corpus.AverageLineBytes;
        });

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
