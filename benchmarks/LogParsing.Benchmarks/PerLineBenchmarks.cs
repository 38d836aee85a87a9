using BenchmarkDotNet.Attributes;

namespace LogParsing.Benchmarks;

/// <summary>
/// What one per-line suite reads, and one line of it read three ways: by the hand-written floor, by a
/// <c>[GeneratedRegex]</c> parser of the same fields (what users write), and by LogParsing. Each is true when it
/// recognised the line. A struct, so that <see cref="PerLineBenchmarks{TLine, TSuite}"/> calls it without a virtual call
/// on the per-line path.
/// </summary>
/// <typeparam name="TLine">A line as the suite holds it (text, or a journal export's bytes).</typeparam>
public interface IPerLineSuite<TLine>
{
    /// <summary>The suite's seeded corpus.</summary>
    TLine[] Lines(int count);

    /// <summary>The average length of a corpus line in bytes, with its newline, for MB/s.</summary>
    double AverageLineBytes(TLine[] lines);

    /// <summary>The floor: hand-written span code for exactly these forms.</summary>
    bool HandWritten(TLine line);

    /// <summary>What users write: generated regular expressions.</summary>
    bool GeneratedRegex(TLine line);

    /// <summary>LogParsing's own path for one line.</summary>
    bool Pidgin(TLine line);
}

/// <summary>Measures bytes per second: the average line length of the corpus a suite read.</summary>
public interface IMeasuresLineBytes
{
    /// <summary>Sets the suite up and says the average length in bytes of its lines.</summary>
    double MeasureLineBytes();
}

/// <summary>
/// The one shape of every per-line suite: the same corpus through the floor (Ratio 1.00), the regex, and LogParsing,
/// Mean per line (<see cref="PerLineConfig"/> adds the median, the minimum, lines/s and MB/s).
/// </summary>
/// <typeparam name="TLine">A line as the suite holds it.</typeparam>
/// <typeparam name="TSuite">What the suite reads and how.</typeparam>
[MemoryDiagnoser]
[Config(typeof(PerLineConfig))]
public abstract class PerLineBenchmarks<TLine, TSuite> : IMeasuresLineBytes
    where TSuite : struct, IPerLineSuite<TLine>
{
    /// <summary>Lines per invocation.</summary>
    public const int Count = 20_000;

    private TLine[] _lines = [];

    /// <summary>The suite, made at set-up, once BenchmarkDotNet has set the parameters.</summary>
    protected TSuite Suite { get; private set; }

    /// <summary>How many corpus lines to read (the tests use fewer; the reported figures are per line either way).</summary>
    public int Lines { get; set; } = Count;

    /// <summary>Makes the suite from the parameters.</summary>
    protected virtual TSuite CreateSuite() => default;

    /// <summary>Builds the corpus.</summary>
    [GlobalSetup]
    public virtual void Setup()
    {
        Suite = CreateSuite();
        _lines = Suite.Lines(Lines);
    }

    /// <inheritdoc />
    public double MeasureLineBytes()
    {
        Setup();
        return Suite.AverageLineBytes(_lines);
    }

    /// <summary>The floor.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var suite = Suite;
        var recognised = 0;
        foreach (var line in _lines)
            if (suite.HandWritten(line)) recognised++;
        return recognised;
    }

    /// <summary>The regex baseline.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratedRegex()
    {
        var suite = Suite;
        var recognised = 0;
        foreach (var line in _lines)
            if (suite.GeneratedRegex(line)) recognised++;
        return recognised;
    }

    /// <summary>LogParsing.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Pidgin()
    {
        var suite = Suite;
        var recognised = 0;
        foreach (var line in _lines)
            if (suite.Pidgin(line)) recognised++;
        return recognised;
    }
}

/// <summary>Bytes of text, for MB/s.</summary>
public static class TextLines
{
    /// <summary>The average length in bytes (UTF-8, with its newline) of <paramref name="lines"/>.</summary>
    public static double AverageBytes(string[] lines) => lines.Average(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1);
}
