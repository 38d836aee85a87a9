using BenchmarkDotNet.Running;
using LogParsing.Benchmarks;

if (args is ["profile"])
{
    Profile.Run(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
