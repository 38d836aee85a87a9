namespace LogParsing.Auth.Solaris;

/// <summary>
/// Solaris syslogd writes a message id before the message (<c>sshd[1]: [ID 800047 auth.info] Failed password ...</c>):
/// everything up to and including <c>] </c> is the logger's, not the program's.
/// </summary>
internal sealed class SolarisMessageId : MessageWrapper
{
    /// <inheritdoc />
    public override string Prefix => "[ID ";

    /// <inheritdoc />
    public override bool TryUnwrap(ReadOnlySpan<char> message, out Range inner, out int repeat)
    {
        var close = message.IndexOf("] ", StringComparison.Ordinal);
        inner = close < 0 ? default : (close + 2)..;
        repeat = 1;
        return close >= 0;
    }

    /// <summary>The Solaris family's claim: its syslogd's message ids, kept in the message and skipped before any grammar reads it.</summary>
    internal static readonly AuthFamily Family = new("solaris")
    {
        Wrappers = [new SolarisMessageId()],
    };
}
