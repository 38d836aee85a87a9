using LogParsing.Analysis.Detections;

namespace LogParsing.Tests.Analysis.Detections;

/// <summary>A test log built line by line at offsets from 2021-05-31 07:00:00 UTC, written to a real file and read back.</summary>
internal sealed class DetectionLog
{
    public static readonly DateTimeOffset Start = new(2021, 5, 31, 7, 0, 0, TimeSpan.Zero);

    private readonly List<string> _lines = [];
    private int _pid = 40000;

    /// <summary>A line of <paramref name="program"/> (its own pid, as sshd forks one per connection) <paramref name="seconds"/> after the start.</summary>
    public DetectionLog At(double seconds, string message, string program = "sshd", string host = "nimbus")
    {
        var t = Start.AddSeconds(seconds);
        _lines.Add($"{t:MMM} {t.Day,2} {t:HH:mm:ss} {host} {program}[{_pid++}]: {message}");
        return this;
    }

    public int Count => _lines.Count;

    public override string ToString() => string.Join('\n', _lines) + "\n";

    public async Task<List<Detection>> DetectAsync(DetectionRules? rules = null)
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", ToString());
        return await Fixture.ToListAsync(AuthDetections.DetectAsync(AuthLogReader.ReadAsync(path, Fixture.Utc(), TestContext.Current.CancellationToken), rules, TestContext.Current.CancellationToken));
    }

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);
}
