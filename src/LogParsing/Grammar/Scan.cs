using System.Buffers;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Fast leaf parsers that scan a span instead of testing characters one by one, plus the prefix switch.
/// Each fails without consuming input, so they compose with any Pidgin combinator without <c>Try</c>.
/// </summary>
/// <example>
/// <code>
/// // "Invalid user oracle from 187.32.120.215 port 54110"
/// static readonly Parser&lt;char, (string, RemoteEndpoint)&gt; InvalidUser =
///     Scan.Literal("Invalid user ").Then(Scan.UntilLast(" from ", allowEmpty: true))
///         .Before(Scan.Literal(" from ")).Then(Tokens.RemoteEndpoint, (user, remote) =&gt; (user, remote));
/// </code>
/// </example>
public static class Scan
{
    private static readonly SearchValues<char> SpaceStops = SearchValues.Create(" ");

    /// <summary>Exactly <paramref name="text"/> (ordinal).</summary>
    /// <param name="text">The text to match.</param>
    public static Parser<char, Unit> Literal(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new LiteralParser(text);
    }

    /// <summary>The text before the first <paramref name="delimiter"/>; the delimiter is not consumed. Fails when it does not occur.</summary>
    /// <param name="delimiter">What ends the text.</param>
    /// <param name="allowEmpty">Whether an empty text (delimiter right here) succeeds.</param>
    /// <param name="intern">Whether equal results share one string: for words that repeat on many lines (methods, services).</param>
    public static Parser<char, string> Until(string delimiter, bool allowEmpty = false, bool intern = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        return new TextUntilParser(delimiter, last: false, allowEmpty, orEnd: false, intern);
    }

    /// <summary>The text before the first <paramref name="delimiter"/>, or all the rest when it does not occur.</summary>
    /// <param name="delimiter">What ends the text.</param>
    public static Parser<char, string> UntilOrEnd(string delimiter)
    {
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        return new TextUntilParser(delimiter, last: false, allowEmpty: true, orEnd: true);
    }

    /// <summary>
    /// The text before the <em>last</em> <paramref name="delimiter"/> of the input: the way to read a field
    /// that may itself contain the delimiter's words, such as a user name with spaces before <c> from </c>.
    /// </summary>
    /// <param name="delimiter">What ends the text.</param>
    /// <param name="allowEmpty">Whether an empty text succeeds (sshd writes <c>Invalid user  from</c> for an empty name).</param>
    /// <param name="intern">Whether equal results share one string: for fields that repeat on many lines (user names).</param>
    public static Parser<char, string> UntilLast(string delimiter, bool allowEmpty = false, bool intern = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(delimiter);
        return new TextUntilParser(delimiter, last: true, allowEmpty, orEnd: false, intern);
    }

    /// <summary>A non-empty run of characters up to the next space or the end. Example: <c>publickey</c>.</summary>
    public static readonly Parser<char, string> Word = new WordParser(SpaceStops, "word", intern: false);

    /// <summary>Like <see cref="Word"/>, for words that repeat on many lines (methods, services): equal words share one string.</summary>
    public static readonly Parser<char, string> CommonWord = new WordParser(SpaceStops, "word", intern: true);

    /// <summary>A non-empty run of characters up to the first of <paramref name="stops"/> or the end.</summary>
    /// <param name="stops">The characters that end the word.</param>
    /// <param name="intern">Whether equal words share one string: for words that repeat on many lines.</param>
    public static Parser<char, string> WordUntil(string stops, bool intern = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(stops);
        return new WordParser(SearchValues.Create(stops), $"word before one of \"{stops}\"", intern);
    }

    /// <summary>An unsigned decimal integer that fits an <see cref="int"/>. Example: <c>52959</c>.</summary>
    public static readonly Parser<char, int> Integer = new IntegerParser();

    /// <summary>An unsigned decimal integer that fits a <see cref="long"/>. Example: <c>3192</c> in <c>Transferred: sent 3192</c>.</summary>
    public static readonly Parser<char, long> Long = new Int64Parser();

    /// <summary>One space. Example: the separator of <c>sshd[52959]: Accepted</c> after the colon.</summary>
    public static readonly Parser<char, Unit> Space = new LiteralParser(" ");

    /// <summary>One or more spaces. Example: the padding of <c>fail2ban.actions        [448]</c>.</summary>
    public static readonly Parser<char, Unit> Spaces = new SpacesParser();

    /// <summary>Everything up to the end of the input (possibly empty). Example: <c>database timeout after 30s</c> after <c>[ERROR] </c>.</summary>
    public static readonly Parser<char, string> Rest = new RestParser([], allowEmpty: true);

    /// <summary>
    /// Everything up to the end of the input, less a trailing <paramref name="suffixes"/> marker, which is left
    /// for the next parser. Example: the reason <c>Bye Bye</c> of <c>...:11: Bye Bye [preauth]</c>.
    /// </summary>
    /// <param name="suffixes">Trailing markers that do not belong to the text.</param>
    public static Parser<char, string> RestBefore(params string[] suffixes) => new RestParser(suffixes, allowEmpty: true);

    /// <summary>
    /// The end of the input. Example: what must follow <c>Bye Bye</c> in <c>Received disconnect from H port N:11: Bye Bye</c>
    /// for the message to be read whole (<see cref="LogReader"/> adds it to a line parser itself).
    /// </summary>
    public static readonly Parser<char, Unit> End = Parser<char>.End;

    /// <summary>The first of <paramref name="parsers"/> that succeeds, each tried from the same position: ordered choice with backtracking.</summary>
    /// <param name="parsers">The alternatives, in order.</param>
    public static Parser<char, T> FirstOf<T>(params Parser<char, T>[] parsers)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        ArgumentOutOfRangeException.ThrowIfZero(parsers.Length);
        return new FirstOfParser<T>(parsers);
    }

    /// <summary>
    /// An optional trailing marker such as sshd's <c> [preauth]</c>: true (and consumed) when the rest of the input is exactly
    /// <paramref name="suffix"/>, false at the end of the input, a failure (consuming nothing) anywhere else. Read the text
    /// before it with <see cref="RestBefore"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// // "Received disconnect from 1.2.3.4 port 22:11: Bye Bye [preauth]" -> ("Bye Bye", true)
    /// static readonly Parser&lt;char, (string Reason, bool Preauth)&gt; ReasonAndPhase =
    ///     Parser.Map((reason, preauth) =&gt; (reason, preauth), Scan.RestBefore(" [preauth]"), Scan.OptionalSuffix(" [preauth]"));
    /// </code>
    /// </example>
    /// <param name="suffix">The marker, with the space before it if the log writes one.</param>
    public static Parser<char, bool> OptionalSuffix(string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        return new SuffixParser(suffix);
    }

    /// <summary>A <see cref="PrefixSwitch{T}"/> over <paramref name="cases"/>: dispatch on leading words without backtracking through alternatives.</summary>
    /// <param name="cases">Prefixes and the parser that reads what follows each.</param>
    public static PrefixSwitch<T> Switch<T>(params (string Prefix, Parser<char, T> Then)[] cases) => new(cases);
}
