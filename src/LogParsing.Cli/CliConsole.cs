using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>Where the tool writes: standard output (tables or data), standard error (messages, progress), and whether each is a terminal.</summary>
internal sealed record CliConsole(IAnsiConsole Out, TextWriter Error, TextWriter RawOut, bool ErrorIsTerminal, TextReader In, bool OutIsTerminal = false, bool Colour = false)
{
    public static CliConsole FromProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var outIsTerminal = !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = outIsTerminal && !noColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = outIsTerminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = outIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!outIsTerminal) console.Profile.Width = 120;
        return new CliConsole(console, Console.Error, Console.Out, !Console.IsErrorRedirected, Console.In, outIsTerminal, outIsTerminal && !noColor);
    }

    /// <summary>A console for tests and pipes: no colour, no animation, fixed width.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, TextReader? input = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        return new CliConsole(console, error, output, false, input ?? TextReader.Null);
    }
}
