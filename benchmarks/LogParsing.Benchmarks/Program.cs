using BenchmarkDotNet.Running;
using LogParsing.Benchmarks;

if (args is ["profile"])
{
    Profile.Run(Console.Out);
    return;
}
if (args is ["corpus", var count, var path])
{
    // The corpus as a file, for whole-process comparisons (hyperfine, sshguard's sshg-parser); never committed.
    File.WriteAllLines(path, Corpus.Lines(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}
if (args is ["hotfile", var file, var secs])
{
    await Profile.HotFile(file, TimeSpan.FromSeconds(int.Parse(secs, System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
    return;
}
if (args is ["hotdetect", var detectFile, var detectWhat, var detectSecs])
{
    await Profile.HotDetect(detectFile, detectWhat, TimeSpan.FromSeconds(int.Parse(detectSecs, System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
    return;
}
if (args is ["alternate", var suite, var rounds])
{
    await Profile.Alternate(suite, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}
if (args is ["kept"])
{
    Profile.KeptStrings(Console.Out);
    return;
}
if (args is ["forms"])
{
    Profile.Forms(Console.Out);
    return;
}
if (args is ["hot", var what, var seconds])
{
    Profile.Hot(what, TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
    return;
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
// BenchmarkDotNet reports a benchmark that threw or did not build as a result row and exits 0: fail the run instead,
// so that CI's smoke fails when any benchmark fails, not only when none ran.
var failed = 0;
foreach (var summary in summaries)
{
    if (summary.HasCriticalValidationErrors) failed++;
    foreach (var report in summary.Reports)
        if (!report.Success) failed++;
    failed += summary.BenchmarksCases.Length - summary.Reports.Length;
}
if (failed > 0)
{
    Console.Error.WriteLine($"benchmarks: {failed} failed");
    Environment.ExitCode = 1;
}
