using System.Runtime.InteropServices;
using Pidgin;

namespace LogParsing.Grammar;

/// <summary>
/// Dispatches on the leading text of the input: the first case whose prefix matches (longest first)
/// consumes the prefix and runs its parser; if that parser fails, the next matching case, then the
/// fallback, are tried from the same position.
/// </summary>
/// <remarks>
/// This replaces <c>OneOf(Try(String("Invalid user ")), Try(String("Failed ")), ...)</c>: one look at the
/// first character picks a handful of candidates, and a failed branch costs one span compare instead of
/// a recorded expectation per alternative.
/// <code>
/// static readonly Parser&lt;char, AuthEvent&gt; Message = Scan.Switch(
///     ("Invalid user ", InvalidUser),
///     ("Failed ", Failed)).Otherwise(Unrecognized);
/// </code>
/// </remarks>
/// <typeparam name="T">The result of every case.</typeparam>
public sealed class PrefixSwitch<T> : Parser<char, T>
{
    private readonly (string Prefix, Parser<char, T> Then)[] _cases;
    // The cases by first character, longest prefix first: ASCII ones by index (a switch runs several times a line, and an
    // array index is cheaper than a dictionary lookup), the others by dictionary.
    private readonly (string Prefix, Parser<char, T> Then)[]?[] _byAsciiChar = new (string, Parser<char, T>)[]?[128];
    private readonly Dictionary<char, (string Prefix, Parser<char, T> Then)[]?> _byFirstChar = [];
    private readonly Parser<char, T>? _otherwise;
    private readonly int _longest;

    /// <summary>Creates a switch over <paramref name="cases"/>, with an optional <paramref name="otherwise"/> parser run when no case succeeds.</summary>
    /// <param name="cases">Prefixes (non-empty) and the parser that reads what follows each.</param>
    /// <param name="otherwise">Run from the original position when no case matches or succeeds; null makes the switch fail instead.</param>
    public PrefixSwitch(IEnumerable<(string Prefix, Parser<char, T> Then)> cases, Parser<char, T>? otherwise = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        _cases = [.. cases];
        foreach (var (prefix, then) in _cases)
        {
            if (string.IsNullOrEmpty(prefix)) throw new ArgumentException("A prefix must not be empty.", nameof(cases));
            ArgumentNullException.ThrowIfNull(then, nameof(cases));
        }
        // Loops rather than LINQ's GroupBy and OrderBy: a grammar builds dozens of switches when first used, and under native
        // AOT each of LINQ's generic instantiations over these tuples is looked up by the type loader at run time.
        // Longest prefix first; a stable sort, so that prefixes of one length keep the order given.
        (string Prefix, Parser<char, T> Then)[] ordered = [.. _cases];
        for (var i = 1; i < ordered.Length; i++)
        {
            var c = ordered[i];
            var j = i - 1;
            for (; j >= 0 && ordered[j].Prefix.Length < c.Prefix.Length; j--) ordered[j + 1] = ordered[j];
            ordered[j + 1] = c;
        }
        foreach (var c in ordered)
        {
            var first = c.Prefix[0];
            ref var candidates = ref first < 128 ? ref _byAsciiChar[first] : ref CollectionsMarshal.GetValueRefOrAddDefault(_byFirstChar, first, out _);
            candidates = candidates is null ? [c] : [.. candidates, c];
        }
        _longest = ordered.Length == 0 ? 0 : ordered[0].Prefix.Length;
        _otherwise = otherwise;
    }

    /// <summary>The cases of this switch, in the order given.</summary>
    public IReadOnlyList<(string Prefix, Parser<char, T> Then)> Cases => _cases;

    /// <summary>A copy of this switch that runs <paramref name="otherwise"/> when no case succeeds.</summary>
    public PrefixSwitch<T> Otherwise(Parser<char, T> otherwise) => new(_cases, otherwise);

    /// <summary>A copy of this switch with more cases (tried before existing cases of the same prefix length).</summary>
    public PrefixSwitch<T> With(params (string Prefix, Parser<char, T> Then)[] cases) => new(cases.Concat(_cases), _otherwise);

    /// <inheritdoc />
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
    {
        var expectedCount = expecteds.Count;
        var head = state.LookAhead(_longest);
        var candidates = head.IsEmpty ? null : head[0] < 128 ? _byAsciiChar[head[0]] : _byFirstChar.GetValueOrDefault(head[0]);
        if (candidates is not null)
        {
            foreach (var (prefix, then) in candidates)
            {
                if (!head.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var mark = state.Bookmark();
                state.Advance(prefix.Length);
                if (then.TryParse(ref state, ref expecteds, out result!))
                {
                    state.DiscardBookmark(mark);
                    Trim(ref expecteds, expectedCount);
                    return true;
                }
                state.Rewind(mark);
            }
        }
        if (_otherwise is not null && _otherwise.TryParse(ref state, ref expecteds, out result!))
        {
            Trim(ref expecteds, expectedCount);
            return true;
        }
        if (_otherwise is null && !Quiet.IsOn(ref state))
        {
            var eof = !state.HasCurrent;
            state.SetError(eof ? Maybe.Nothing<char>() : Maybe.Just(state.Current), eof, state.Location, null);
            expecteds.Add(new Expected<char>("one of the known message prefixes"));
        }
        result = default!;
        return false;
    }

    private static void Trim(ref PooledList<Expected<char>> expecteds, int count)
    {
        while (expecteds.Count > count) expecteds.Pop();
    }
}
