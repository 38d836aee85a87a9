using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using Pidgin;
using LogParsing.Grammar;

namespace LogParsing.Auth;

/// <summary>
/// What one program family reads in an auth log, declared by the family's own folder (<c>Auth/Sshd/SshdFamily.cs</c>):
/// the programs whose messages its grammar reads, the messages it reads whatever program wrote them, the wrappers it
/// strips, the tags and whole-line forms the syslog grammar cannot read, and the JSON metadata of its events.
/// <see cref="AuthFamilies.All"/> lists the families; the dispatch is built from that list and names none of them.
/// </summary>
/// <param name="Name">The family, as docs/events.md names it: <c>sshd</c>, <c>pam</c>, <c>cron</c>...</param>
internal sealed record AuthFamily(string Name)
{
    /// <summary>Syslog tags, exactly as written (<c>sshd</c>, <c>sshd-session</c>), and the grammar of their messages.</summary>
    public ImmutableArray<ProgramClaim> Programs { get; init; } = [];

    /// <summary>
    /// Messages this family reads whatever program logged them, by their first characters (PAM modules write under the
    /// program that loaded them: <c>sshd[1]: pam_unix(sshd:auth): ...</c>). They win over the program's own grammar.
    /// </summary>
    public ImmutableArray<MessageClaim> Messages { get; init; } = [];

    /// <summary>Text some loggers put before any message (Solaris' <c>[ID 800047 auth.info] </c>), kept in the message and skipped by the grammars.</summary>
    public ImmutableArray<MessageWrapper> Wrappers { get; init; } = [];

    /// <summary>Tags that are not one program's name, tried when no program claims the tag as written.</summary>
    public ImmutableArray<TagForm> Tags { get; init; } = [];

    /// <summary>
    /// Envelopes the syslog grammar does not read (<c>May 31 07:20:01 nimbus -- MARK --</c>), tried when it fails; each
    /// reads up to the message, which is then dispatched like any other.
    /// </summary>
    public ImmutableArray<Parser<char, SyslogHeader>> Headers { get; init; } = [];

    /// <summary>
    /// The JSON metadata of the family's events (a source-generated context), for the JSON rendering of entries; a function,
    /// so that a read that renders no JSON builds no context.
    /// </summary>
    public Func<IJsonTypeInfoResolver>? Json { get; init; }
}

/// <summary>A syslog tag and the grammar of its messages, which must read the whole message.</summary>
/// <param name="Program">The tag, exactly as written.</param>
/// <param name="Body">The grammar of the message after <c>program[pid]: </c>.</param>
internal readonly record struct ProgramClaim(string Program, Parser<char, AuthEvent> Body)
{
    /// <summary>
    /// True when the grammar reads the message with its trailing spaces and tabs, because its last field is the program's
    /// own free text (sudo's <c>COMMAND=</c>); every other grammar reads it without them (docs/events.md, "Trailing blanks").
    /// </summary>
    public bool KeepsTrailingBlanks { get; init; }

    /// <summary>One claim per program, all read by <paramref name="body"/>.</summary>
    public static ImmutableArray<ProgramClaim> All(Parser<char, AuthEvent> body, params ReadOnlySpan<string> programs)
    {
        var claims = ImmutableArray.CreateBuilder<ProgramClaim>(programs.Length);
        foreach (var program in programs) claims.Add(new ProgramClaim(program, body));
        return claims.MoveToImmutable();
    }
}

/// <summary>Messages that start with <paramref name="Prefix"/>, read by <paramref name="Body"/> from their first character.</summary>
/// <param name="Prefix">The first characters (<c>pam_</c>).</param>
/// <param name="Body">The grammar of the whole message, prefix included.</param>
internal readonly record struct MessageClaim(string Prefix, Parser<char, AuthEvent> Body);

/// <summary>
/// Text around a message that belongs to the logger, not the program: Solaris' message id before it, rsyslog's repeat
/// summary around it (<c>message repeated 3 times: [ Failed password ...]</c>). The message inside is dispatched as if
/// it stood alone, under the same tag.
/// </summary>
internal abstract class MessageWrapper
{
    /// <summary>The first characters of every wrapped message.</summary>
    public abstract string Prefix { get; }

    /// <summary>
    /// The message inside <paramref name="message"/> (which starts with <see cref="Prefix"/>), and how many times the line
    /// stands for it; false when it is not wrapped after all.
    /// </summary>
    public abstract bool TryUnwrap(ReadOnlySpan<char> message, out Range inner, out int repeat);
}

/// <summary>
/// A family of tags that no program claims as written, such as old linux-pam's <c>sshd(pam_unix)</c>: the program each
/// tag stands for, one grammar for the messages of all of them, and what the tag adds to the event.
/// </summary>
internal abstract class TagForm
{
    /// <summary>The grammar of the messages under tags of this form.</summary>
    public abstract Parser<char, AuthEvent> Body { get; }

    /// <summary>True when <paramref name="tag"/> is of this form, with the program an entry reports for it.</summary>
    public abstract bool TryRead(string tag, out string program);

    /// <summary>The event <see cref="Body"/> read, with what <paramref name="tag"/> says added (by default, as it is).</summary>
    public virtual AuthEvent Complete(AuthEvent read, string tag) => read;
}
