using Pidgin;
using Pidgin.Configuration;

namespace LogParsing.Grammar;

/// <summary>
/// Whether the parsers running now would record what they expected for nobody to read. Two cases:
/// <list type="bullet">
/// <item>a quiet parse (<see cref="Quiet"/> as the configuration): the library's own line parsers, whose failures become
/// <see cref="MalformedLine"/> or <see cref="UnrecognizedEvent"/> without an error message, so nothing ever needs recording;</item>
/// <item>a branch whose failure will be discarded (inside <c>Maybe()</c>, a <c>FirstOf</c> alternative that is not the
/// last, a prefix-switch case with a fallback), marked with a thread-static depth.</item>
/// </list>
/// Recording was the most expensive part of the common path. A quiet parse is told by its configuration (a
/// <see cref="QuietConfiguration"/>), a field of the parse state, so it needs none of the thread-static marking (each
/// access a <c>__tls_get_addr</c> call on Linux).
/// </summary>
internal static class Speculation
{
    [ThreadStatic]
    private static int t_depth;

    /// <summary>The configuration of quiet parses that need nothing else.</summary>
    public static IConfiguration<char> Quiet { get; } = new QuietConfiguration();

    /// <summary>True when a failing parser need not record anything.</summary>
    public static bool Active(ref ParseState<char> state) => IsQuiet(ref state) || t_depth > 0;

    /// <summary>True in a quiet parse: speculative branches need not be marked.</summary>
    public static bool IsQuiet(ref ParseState<char> state) => state.Configuration is QuietConfiguration;

    /// <summary>Runs <paramref name="parser"/> as a try whose failure the caller discards: marked speculative unless the parse is quiet anyway.</summary>
    public static bool Try<T>(Parser<char, T> parser, ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        if (IsQuiet(ref state))
            return parser.TryParse(ref state, ref expecteds, out result!);
        t_depth++;
        try
        {
            return parser.TryParse(ref state, ref expecteds, out result!);
        }
        finally
        {
            t_depth--;
        }
    }
}

/// <summary>
/// Pidgin's defaults for a quiet parse. The parse state carries its configuration down to every parser, which makes a
/// subclass the place for what one parse needs to know (see <c>AuthLogParser.LineContext</c>).
/// </summary>
internal class QuietConfiguration : CharDefaultConfiguration;
