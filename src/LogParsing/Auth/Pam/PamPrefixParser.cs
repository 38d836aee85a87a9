using System.Buffers;
using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth.Pam;

/// <summary>
/// <c>module(service:type): </c> in one scan: a word before <c>(</c>, a word before <c>:</c>, a word before <c>): </c>, each
/// without spaces, as <see cref="PamGrammar.Prefix"/> says them. Every PAM line starts with it, and the composed form
/// (three words and three literals, ten combinator calls) cost more than the message after it on the short lines (a
/// session closed, a user unknown). The tests hold it to the composed form.
/// </summary>
internal sealed class PamPrefixParser() : LeafParser<(string Module, string Service, string Type)>("PAM prefix")
{
    private static readonly SearchValues<char> ModuleStops = SearchValues.Create("( ");
    private static readonly SearchValues<char> ServiceStops = SearchValues.Create(":) ");
    private static readonly SearchValues<char> TypeStops = SearchValues.Create(") ");

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out (string Module, string Service, string Type) result) =>
        Complete(ref state, ref expecteds, Read(state.LookAhead(LookAhead), out result));

    protected override int Read(ReadOnlySpan<char> rest, out (string Module, string Service, string Type) result)
    {
        var module = Word(rest, ModuleStops, '(');
        if (module <= 0) return Fail(out result);
        var afterModule = module + 1;
        var service = Word(rest[afterModule..], ServiceStops, ':');
        if (service <= 0) return Fail(out result);
        var afterService = afterModule + service + 1;
        var type = Word(rest[afterService..], TypeStops, ')');
        if (type <= 0 || !rest[(afterService + type)..].StartsWith("): ", StringComparison.Ordinal)) return Fail(out result);
        var pool = StringPool.Shared;
        result = (pool.Get(rest[..module]), pool.Get(rest.Slice(afterModule, service)), pool.Get(rest.Slice(afterService, type)));
        return afterService + type + 3;
    }

    // The length of the word before the first stop, when there is a word and that stop is `end`; else -1.
    private static int Word(ReadOnlySpan<char> rest, SearchValues<char> stops, char end)
    {
        var length = rest.IndexOfAny(stops);
        return length > 0 && rest[length] == end ? length : -1;
    }
}
