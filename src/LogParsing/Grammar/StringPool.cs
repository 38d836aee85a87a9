namespace LogParsing.Grammar;

/// <summary>
/// Interns the strings that repeat from line to line (host names, programs, services, user names, reasons), so a
/// million lines share one "sshd" and the thousand tries of "admin" one "admin".
/// </summary>
internal sealed class StringPool : TextCache<string>
{
    public static StringPool Shared { get; } = new();

    protected override string KeyOf(string value) => value;

    protected override string Create(ReadOnlySpan<char> text) => text.IsEmpty ? string.Empty : new string(text);
}
