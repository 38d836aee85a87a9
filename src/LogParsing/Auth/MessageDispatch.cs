using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth;

/// <summary>
/// The one dispatch from a message to the grammar that reads it, built from the claims of a list of families (and the
/// programs added with <see cref="AuthLogParser.WithProgram(string, Pidgin.Parser{char, AuthEvent})"/>), shared by syslog lines and journal entries. It names no
/// family: a wrapper is skipped, then a message claim wins over the program's own grammar (which reads what the claim
/// cannot), then the program as written, then the tag forms. A grammar must read the whole message; anything else is an <see cref="UnrecognizedEvent"/>.
/// Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class MessageDispatch
{
    private static readonly UnrecognizedEvent Unrecognized = new();

    private const string Blanks = " \t";

    private readonly FrozenDictionary<string, (Parser<char, AuthEvent> Body, bool KeepsBlanks)> _programs;
    private readonly (string Prefix, Parser<char, AuthEvent> Body)[] _messages;
    // Each wrapper with its prefix read once: the prefix is a virtual property, and every claimed line compares them all.
    private readonly (string Prefix, MessageWrapper Wrapper)[] _wrappers;
    private readonly (TagForm Form, Parser<char, AuthEvent> Body)[] _tags;
    // The first characters of every claimed prefix and wrapper: most messages start with none of them, and skip both loops.
    private readonly SearchValues<char> _firsts;

    public MessageDispatch(ImmutableArray<AuthFamily> families, ImmutableDictionary<string, ProgramClaim> programs)
    {
        Families = families;
        Programs = programs.ToImmutableDictionary(p => p.Key, p => p.Value.Body, StringComparer.Ordinal);
        Claims = programs;
        // Each grammar is wrapped once, here, not on every line.
        _programs = programs.ToFrozenDictionary(p => p.Key, p => (Whole(p.Value.Body), p.Value.KeepsTrailingBlanks), StringComparer.Ordinal);
        _messages = [.. families.SelectMany(f => f.Messages).Select(m => (m.Prefix, Whole(m.Body)))];
        _wrappers = [.. families.SelectMany(f => f.Wrappers).Select(w => (w.Prefix, w))];
        // Through Rec, as the families name their grammars: a tag form's grammar is built when a line first has its tag.
        _tags = [.. families.SelectMany(f => f.Tags).Select(t => (t, Whole(Parser.Rec(() => t.Body))))];
        Headers = [.. families.SelectMany(f => f.Headers)];
        _firsts = SearchValues.Create([.. _messages.Select(m => m.Prefix[0]).Concat(_wrappers.Select(w => w.Prefix[0])).Distinct()]);
    }

    /// <summary>The families the dispatch was built from, in the order their claims are tried.</summary>
    public ImmutableArray<AuthFamily> Families { get; }

    /// <summary>Every program with a grammar of its own: the families' and the added ones.</summary>
    public ImmutableDictionary<string, Parser<char, AuthEvent>> Programs { get; }

    /// <summary>The same, as claims.</summary>
    public ImmutableDictionary<string, ProgramClaim> Claims { get; }

    /// <summary>The envelopes the families read that the syslog grammar does not.</summary>
    public ImmutableArray<Parser<char, SyslogHeader>> Headers { get; }

    /// <summary>
    /// The event of <paramref name="message"/>, written under <paramref name="tag"/>; the program the entry reports (the tag
    /// itself, or the program a tag form says it stands for); and how many times the line stands for its event (N for a
    /// repeat summary, else 1). Never throws on content.
    /// </summary>
    public AuthEvent Read(string tag, ReadOnlySpan<char> message, out string program, out int repeat)
    {
        program = tag;
        repeat = 1;
        var claimed = Unwrap(ref message, ref repeat);
        // A message that ends in blanks means what it means without them (pam_unix writes "rhost=%s " for an unknown user).
        var trimmed = message.TrimEnd(Blanks);
        // A claimed message its claimant cannot read may still be the program's own (su's "pam_authenticate: %s").
        if (claimed && Claimed(trimmed) is { } messageBody && Parse(messageBody, trimmed) is not UnrecognizedEvent and var byClaim) return byClaim;
        if (_programs.TryGetValue(tag, out var claim)) return Parse(claim.Body, claim.KeepsBlanks ? message : trimmed);
        foreach (var (form, formBody) in _tags)
        {
            if (!form.TryRead(tag, out program)) continue;
            var read = Parse(formBody, trimmed);
            return read is UnrecognizedEvent ? read : form.Complete(read, tag);
        }
        program = tag;
        return Unrecognized;
    }

    private static AuthEvent Parse(Parser<char, AuthEvent> body, ReadOnlySpan<char> message) => body.Parse(message, Quiet.Configuration).Value;

    // Strips what loggers put around messages (at most one of each); true when the message now starts like a claimed one.
    private bool Unwrap(ref ReadOnlySpan<char> message, ref int repeat)
    {
        var claimed = !message.IsEmpty && _firsts.Contains(message[0]);
        for (var depth = 0; claimed && depth < 2; depth++)
        {
            var unwrapped = false;
            foreach (var (prefix, wrapper) in _wrappers)
            {
                if (!message.StartsWith(prefix, StringComparison.Ordinal) || !wrapper.TryUnwrap(message, out var inner, out var times)) continue;
                message = message[inner];
                repeat *= times;
                unwrapped = true;
                break;
            }
            if (!unwrapped) break;
            claimed = !message.IsEmpty && _firsts.Contains(message[0]);
        }
        return claimed;
    }

    private Parser<char, AuthEvent>? Claimed(ReadOnlySpan<char> message)
    {
        foreach (var (prefix, body) in _messages)
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return body;
        return null;
    }

    private static Parser<char, AuthEvent> Whole(Parser<char, AuthEvent> body) => new WholeMessageParser(body);

    /// <summary>
    /// <paramref name="body"/>'s event when it reads the whole message, else <see cref="UnrecognizedEvent"/>: a grammar
    /// that stops short has read a different message. Always succeeds and consumes everything, so a message that is
    /// not recognised costs no parse error.
    /// </summary>
    private sealed class WholeMessageParser(Parser<char, AuthEvent> body) : Parser<char, AuthEvent>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out AuthEvent result)
        {
            var rest = state.LookAhead(int.MaxValue).Length;
            var mark = state.Bookmark();
            if (body.TryParse(ref state, ref expecteds, out var parsed) && parsed is not null && !state.HasCurrent)
            {
                state.DiscardBookmark(mark);
                result = parsed;
                return true;
            }
            state.Rewind(mark);
            expecteds.Clear();
            state.Advance(rest);
            result = Unrecognized;
            return true;
        }
    }
}
