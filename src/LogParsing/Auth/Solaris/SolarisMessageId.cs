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
    public override int Measure(ReadOnlySpan<char> message)
    {
        var close = message.IndexOf("] ", StringComparison.Ordinal);
        return close < 0 ? 0 : close + 2;
    }

    /// <summary>The Solaris family's claim: its syslogd's message ids, kept in the message and skipped before any grammar reads it.</summary>
    internal static readonly AuthFamily Family = new("solaris")
    {
        Wrappers = [new SolarisMessageId()],
    };
}
