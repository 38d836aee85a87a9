using Pidgin;
using Pidgin.Configuration;

namespace LogParsing.Grammar;

/// <summary>
/// The one switch that tells parsers nobody will read what they expected: a parse run with <see cref="Configuration"/>
/// records nothing on failure. The readers' own parses are quiet (a line that fails becomes a <see cref="MalformedLine"/>
/// or an <see cref="UnrecognizedEvent"/>, not an error message), and <see cref="LogReader"/> parses each line quietly
/// first and again, recording, only when it fails and its error must be explained. Recording was the most expensive part
/// of the common path (every failed optional piece and alternative adds an expectation).
/// </summary>
/// <remarks>
/// The switch is the configuration the caller passes to <c>Parse</c>, which Pidgin hands to every parser in the parse
/// state; it carries nothing else. Per-line context (the year, the position) never travels inside a parse: the readers
/// build each entry from what the parse returned.
/// </remarks>
internal static class Quiet
{
    /// <summary>The configuration of quiet parses: Pidgin's defaults, recognised by its type.</summary>
    public static IConfiguration<char> Configuration { get; } = new QuietConfiguration();

    /// <summary>True when the running parse is quiet: a failing parser need not record anything.</summary>
    public static bool IsOn(ref ParseState<char> state) => state.Configuration is QuietConfiguration;

    private sealed class QuietConfiguration : CharDefaultConfiguration;
}
