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
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
