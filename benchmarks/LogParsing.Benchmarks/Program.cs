using BenchmarkDotNet.Running;
using LogParsing.Benchmarks;

if (args is ["profile"])
{
    Profile.Run(Console.Out);
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
